package org.feedmerge.dedup;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.feedmerge.parse.ParsedEntry;

/**
 * Gives each entry of one document its keys within the feed and its substance hash. Pure and
 * thread-safe.
 *
 * <p>Natural keys ({@link KeyScheme}): {@code "guid:" + guid}; {@code "link:" + link};
 * {@code "linkdate:" + link + "@" + published}; {@code "hash:" + sha-256(title "\n" summary "\n"
 * content)} over the whitespace-normalised, sanitised HTML ({@link ParsedEntry#safeSummary()}), so
 * that re-indenting an id-less entry does not turn it into a new one. Under a scheme an entry is
 * keyed by the first natural key from that scheme down.
 * {@link IdentifiedEntry#key()} is the key under {@link KeyScheme#GUID}: guid, else link, else hash.
 * The content hash is {@link Substance#hash}.
 *
 * <p>Entries that share a key but differ in substance (a publisher bug, e.g. every item carrying
 * the site URL as guid) all get suffixed keys, {@code key + "#" + suffix}: the first 16 hex chars
 * of sha-256(link) when that link is unique within the group, else the first 16 hex chars of
 * the content hash. Link first because it survives edits, so an edited item is updated in place
 * rather than re-added. Every member is suffixed, not only the later ones, so a key does not
 * depend on document order: when a new item is prepended it cannot take over an older item's
 * key (and with it the older item's stored row and public id).
 */
public final class EntryIdentity {

    private static final int SUFFIX_HEX_CHARS = 16;

    /**
     * An entry before its keys are made unique within the document. {@code natural} holds its
     * natural keys except the content hash key: that one ({@code contentKey}) is worked out only
     * when asked for, since it hashes the whole raw text and feeds with guids or links never need
     * it (docs/performance.md).
     */
    private record Draft(ParsedEntry entry, String contentHash, Map<KeyScheme, String> natural,
            Supplier<String> contentKey, Normalised normalised) {
        String firstFrom(KeyScheme scheme) {
            for (KeyScheme s = scheme; s != KeyScheme.CONTENT; s = s.next()) {
                String key = natural.get(s);
                if (key != null) {
                    return key;
                }
            }
            return contentKey.get();
        }
    }

    /**
     * Keys each entry under every scheme. Repeats of the same substance under the same key are
     * dropped; different entries that share a key (a publisher bug) each get a distinct,
     * deterministic key. Document order is kept.
     */
    public List<IdentifiedEntry> identify(List<ParsedEntry> entries) {
        List<Draft> distinct = new ArrayList<>(entries.size());
        Set<List<String>> seen = new HashSet<>();
        for (ParsedEntry entry : entries) {
            Draft draft = draft(entry);
            if (seen.add(List.of(draft.firstFrom(KeyScheme.GUID), draft.contentHash()))) {
                distinct.add(draft);
            }
        }
        Map<KeyScheme, List<String>> keysByScheme = new EnumMap<>(KeyScheme.class);
        for (KeyScheme scheme : EntryKeys.BEFORE_CONTENT) {
            keysByScheme.put(scheme, separateSharedKeys(distinct, scheme));
        }
        Supplier<List<String>> contentSchemeKeys = new Lazily<>(() -> separateSharedKeys(distinct, KeyScheme.CONTENT));
        List<IdentifiedEntry> result = new ArrayList<>(distinct.size());
        for (int i = 0; i < distinct.size(); i++) {
            Map<KeyScheme, String> keys = new EnumMap<>(KeyScheme.class);
            for (KeyScheme scheme : keysByScheme.keySet()) {
                keys.put(scheme, keysByScheme.get(scheme).get(i));
            }
            Draft draft = distinct.get(i);
            int index = i;
            result.add(new IdentifiedEntry(keys.get(KeyScheme.GUID), draft.contentHash(), draft.entry(),
                    new EntryKeys(draft.natural(), keys, draft.contentKey(), () -> contentSchemeKeys.get().get(index)),
                    draft.normalised()));
        }
        return result;
    }

    private static Draft draft(ParsedEntry entry) {
        String link = entry.link() == null ? null : entry.link().toString();
        Map<KeyScheme, String> natural = new EnumMap<>(KeyScheme.class);
        if (entry.guid() != null && !entry.guid().isBlank()) {
            natural.put(KeyScheme.GUID, "guid:" + entry.guid());
        }
        if (link != null) {
            natural.put(KeyScheme.LINK, "link:" + link);
            if (entry.published() != null) {
                natural.put(KeyScheme.LINK_DATE, "linkdate:" + link + "@" + entry.published());
            }
        }
        // Sanitised, as the parser did before schema version 8: the keys of stored entries stay valid.
        Supplier<String> contentKey = new Lazily<>(() -> "hash:" + Substance.sha256Hex(normalised(entry.title()),
                normalised(entry.safeSummary()), normalised(entry.safeContent())));
        Normalised normalised = Normalised.of(link, entry.summary(), entry.content());
        return new Draft(entry, Substance.hash(entry.title(), link, normalised), natural, contentKey, normalised);
    }

    private static String normalised(String text) {
        return text == null ? "" : PlainText.collapseWhitespace(text);
    }

    private static List<String> separateSharedKeys(List<Draft> drafts, KeyScheme scheme) {
        Map<String, List<Draft>> byKey = new HashMap<>();
        for (Draft draft : drafts) {
            byKey.computeIfAbsent(draft.firstFrom(scheme), key -> new ArrayList<>()).add(draft);
        }
        List<String> keys = new ArrayList<>(drafts.size());
        for (Draft draft : drafts) {
            String key = draft.firstFrom(scheme);
            List<Draft> group = byKey.get(key);
            keys.add(group.size() == 1 ? key : key + "#" + suffix(draft, group));
        }
        return keys;
    }

    private static String suffix(Draft draft, List<Draft> group) {
        return linkIsUniqueIn(draft, group)
                ? Substance.sha256Hex(draft.entry().link().toString()).substring(0, SUFFIX_HEX_CHARS)
                : draft.contentHash().substring(0, SUFFIX_HEX_CHARS);
    }

    private static boolean linkIsUniqueIn(Draft draft, List<Draft> group) {
        if (draft.entry().link() == null) {
            return false;
        }
        return group.stream().filter(other -> draft.entry().link().equals(other.entry().link())).count() == 1;
    }
}
