package org.feedmerge.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The merged feed as read back: items from the RSS document and entries from the Atom document,
 * index for index (both renderers write the same entries in the same order, newest first). A
 * document that does not parse contributes nothing; validity checks report it.
 */
record MergedFeed(List<RssItem> rss, List<AtomEntry> atom) {
    static final MergedFeed EMPTY = new MergedFeed(List.of(), List.of());

    MergedFeed {
        rss = List.copyOf(rss);
        atom = List.copyOf(atom);
    }

    static MergedFeed of(Ingest ingest) {
        return new MergedFeed(rssItems(ingest.rss()), atomEntries(ingest.atom()));
    }

    private static List<RssItem> rssItems(Rendered rendered) {
        List<RssItem> items = new ArrayList<>();
        try {
            Element rss = Xml.parseOutput(rendered.body());
            for (Element channel : Xml.children(rss, null, "channel")) {
                Xml.children(channel, null, "item").forEach(item -> items.add(RssItem.of(item)));
            }
        } catch (Xml.NotWellFormed e) {
            return List.of();
        }
        return items;
    }

    private static List<AtomEntry> atomEntries(Rendered rendered) {
        List<AtomEntry> entries = new ArrayList<>();
        try {
            Element feed = Xml.parseOutput(rendered.body());
            Xml.children(feed, Xml.ATOM, "entry").forEach(entry -> entries.add(AtomEntry.of(entry)));
        } catch (Xml.NotWellFormed e) {
            return List.of();
        }
        return entries;
    }

    int size() {
        return rss.size();
    }

    /**
     * The RSS items in the source document's order, best effort: the merged feed is newest first,
     * and entries of one poll that share a date are ordered by insertion, newest insert first. So
     * reversing gives document order exactly when the items carry no dates (or equal ones).
     */
    List<RssItem> rssInDocumentOrder() {
        List<RssItem> reversed = new ArrayList<>(rss);
        Collections.reverse(reversed);
        return reversed;
    }

    List<AtomEntry> atomInDocumentOrder() {
        List<AtomEntry> reversed = new ArrayList<>(atom);
        Collections.reverse(reversed);
        return reversed;
    }
}
