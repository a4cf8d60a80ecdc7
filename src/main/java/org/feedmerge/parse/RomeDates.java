package org.feedmerge.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdom2.Element;

/**
 * Keeps date elements out of Rome's sight while it builds its model. Rome parses every date it
 * meets by trying a list of {@code SimpleDateFormat} masks, each created anew, which measured a
 * sixth of the poll threads' CPU on a cold start; feedmerge reads the dates itself, with
 * {@link FeedDate}, from the very same elements (the mappers pair Rome's items with the JDOM
 * elements). So the date elements of the feed, its channel and its items or entries are renamed
 * before Rome runs and renamed back right after.
 *
 * <p>What this gives up: an item the mappers cannot pair with its element (Rome and the document
 * disagree on the item count) is read from Rome's model alone, which then has no dates; it is
 * dated when first seen.
 */
final class RomeDates {
    /** Dates of RSS 0.9x/2.0, RSS 1.0 + Dublin Core (terms), and Atom 0.3/1.0, in any namespace. */
    private static final Set<String> DATE_ELEMENTS = Set.of("pubDate", "lastBuildDate", "expirationDate", "date",
            "published", "updated", "issued", "modified", "created");
    private static final String HIDDEN = "feedmerge-hidden-";

    private RomeDates() {
    }

    /** Renames the date elements of the feed, channel and items/entries; returns them, for {@link #restore}. */
    static List<Element> hide(Element root) {
        List<Element> hidden = new ArrayList<>();
        hideChildren(root, hidden);
        for (Element child : root.getChildren()) {
            hideChildren(child, hidden);
            if (child.getName().equals("channel")) {
                for (Element item : child.getChildren()) {
                    hideChildren(item, hidden);
                }
            }
        }
        return hidden;
    }

    static void restore(List<Element> hidden) {
        for (Element element : hidden) {
            element.setName(element.getName().substring(HIDDEN.length()));
        }
    }

    private static void hideChildren(Element parent, List<Element> hidden) {
        for (Element child : parent.getChildren()) {
            if (DATE_ELEMENTS.contains(child.getName())) {
                child.setName(HIDDEN + child.getName());
                hidden.add(child);
            }
        }
    }
}
