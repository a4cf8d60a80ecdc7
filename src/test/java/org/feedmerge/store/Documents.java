package org.feedmerge.store;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.feedmerge.dedup.EntryIdentity;
import org.feedmerge.dedup.IdentifiedEntry;
import org.feedmerge.parse.ParsedEntry;

/** Turns parsed entries into what the store receives, the way the poll stage does. */
final class Documents {

    private static final EntryIdentity IDENTITY = new EntryIdentity();

    private Documents() {
    }

    static List<NewEntry> identified(ParsedEntry... document) {
        return identified(List.of(document));
    }

    static List<NewEntry> identified(List<ParsedEntry> document) {
        return IDENTITY.identify(document).stream().map(Documents::toNewEntry).toList();
    }

    static ParsedEntry item(String guid, String link, String title, String html, Instant published) {
        return new ParsedEntry(guid, link == null ? null : URI.create(link), title, null, html, null, published, null);
    }

    private static NewEntry toNewEntry(IdentifiedEntry identified) {
        ParsedEntry e = identified.entry();
        return new NewEntry(identified.key(), identified.contentHash(), e.guid(),
                e.link() == null ? null : e.link().toString(), e.title(), e.summary(), e.content(), e.author(),
                e.published(), e.updated(), identified.keys(), identified.normalised(),
                e.htmlBase() == null ? null : e.htmlBase().toString());
    }
}
