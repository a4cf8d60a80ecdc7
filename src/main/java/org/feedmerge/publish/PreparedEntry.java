package org.feedmerge.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.feedmerge.store.MergedEntry;
import org.feedmerge.store.StorySource;

/**
 * A {@link MergedEntry} made safe to write: its HTML sanitised ({@link SanitizedHtml}, against the
 * entry's base: the store keeps HTML as feeds gave it), every string stripped of characters XML
 * forbids, blank strings turned into null, links kept only when they are absolute IRIs, instants
 * checked against the date formats. Building one is where odd data fails, so that writing it cannot fail halfway
 * through an element.
 *
 * @param rowId      the store's row id, for log lines
 * @param publicId   never blank
 * @param feedUrl    the source feed's URL, never blank
 * @param feedTitle  the source feed's title, else its URL
 * @param feedLink   the source feed's site, or null
 * @param link       the entry's link, or null
 * @param title      plain text, or null
 * @param summary    safe HTML, or null
 * @param content    safe HTML, or null
 * @param author     or null
 * @param published  at whole seconds
 * @param updated    the last substantive edit, else {@code published}
 * @param lastChange the latest of published, updated and first seen: what makes the feed newer
 * @param otherSources the other feeds that carry the same story, best first
 */
record PreparedEntry(
        long rowId,
        String publicId,
        String feedUrl,
        String feedTitle,
        String feedLink,
        String link,
        String title,
        String summary,
        String content,
        String author,
        Instant published,
        Instant updated,
        Instant lastChange,
        List<OtherSource> otherSources) {

    PreparedEntry {
        otherSources = List.copyOf(otherSources);
    }

    /** @throws IllegalArgumentException when the entry lacks an id, a source or a usable date */
    static PreparedEntry of(MergedEntry entry) {
        return of(entry, new SanitizedHtml());
    }

    /**
     * @param html sanitises the entry's HTML, remembering what earlier renders sanitised
     * @throws IllegalArgumentException when the entry lacks an id, a source or a usable date
     */
    static PreparedEntry of(MergedEntry entry, SanitizedHtml html) {
        String publicId = required(line(entry.publicId()), "publicId");
        String feedUrl = required(line(entry.feedUrl()), "feedUrl");
        Instant published = date(entry.published() != null ? entry.published() : entry.firstSeen(), "published");
        Instant updated = entry.updated() == null ? published : date(entry.updated(), "updated");
        Instant firstSeen = entry.firstSeen() == null ? published : date(entry.firstSeen(), "firstSeen");
        return new PreparedEntry(entry.id(), publicId, feedUrl,
                Objects.requireNonNullElse(line(entry.feedTitle()), feedUrl),
                iri(entry.feedLink()), iri(entry.link()), line(entry.title()),
                text(html.clean(entry.summary(), entry.htmlBase())),
                text(html.clean(entry.content(), entry.htmlBase())),
                line(entry.author()),
                published, updated, latest(latest(published, updated), firstSeen), otherSources(entry));
    }

    /** The other copies' feeds; a copy without a link points at its feed's site, or nowhere. */
    private static List<OtherSource> otherSources(MergedEntry entry) {
        List<OtherSource> sources = new ArrayList<>(entry.otherSources().size());
        for (StorySource source : entry.otherSources()) {
            String feedUrl = line(source.feedUrl());
            String name = Objects.requireNonNullElse(line(source.feedTitle()), Objects.requireNonNullElse(feedUrl, "?"));
            String link = iri(source.link());
            sources.add(new OtherSource(name, link != null ? link : iri(source.feedLink())));
        }
        return sources;
    }

    /** Cleaned, or null when nothing but whitespace is left. */
    private static String text(String raw) {
        String clean = XmlChars.clean(raw);
        return clean == null || clean.isBlank() ? null : clean;
    }

    /** Like {@link #text} and trimmed: for titles, names and ids. */
    private static String line(String raw) {
        String clean = text(raw);
        return clean == null ? null : clean.strip();
    }

    private static String iri(String raw) {
        String clean = line(raw);
        return Iris.isAbsolute(clean) ? clean : null;
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    private static Instant date(Instant instant, String field) {
        if (instant == null) {
            throw new IllegalArgumentException("no " + field);
        }
        return FeedDates.renderable(instant, field);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
