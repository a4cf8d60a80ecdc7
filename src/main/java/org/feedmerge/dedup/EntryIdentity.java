package org.feedmerge.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.feedmerge.parse.ParsedEntry;

/**
 * Gives each entry of one document its key within the feed. Pure and thread-safe.
 *
 * <p>Key: {@code "guid:" + guid}, else {@code "link:" + link}, else {@code "hash:" +
 * sha-256(title "\n" summary "\n" content)} over whitespace-normalised text, so that re-indenting
 * an id-less entry does not turn it into a new one. Content hash: sha-256 (hex) over the
 * whitespace-normalised title, link, summary and content; author and dates are not substance.
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
    private static final HexFormat HEX = HexFormat.of();

    /**
     * Keys each entry: guid, else link, else a hash of title and content. Exact repeats inside
     * the document are dropped; different entries that share a key (a publisher bug) each get a
     * distinct, deterministic key. Document order is kept.
     */
    public List<IdentifiedEntry> identify(List<ParsedEntry> entries) {
        MessageDigest sha256 = sha256();
        List<IdentifiedEntry> distinct = new ArrayList<>(entries.size());
        Set<List<String>> seen = new HashSet<>();
        for (ParsedEntry entry : entries) {
            IdentifiedEntry identified = new IdentifiedEntry(baseKey(entry, sha256), contentHash(entry, sha256), entry);
            if (seen.add(List.of(identified.key(), identified.contentHash()))) {
                distinct.add(identified);
            }
        }
        return separateSharedKeys(distinct, sha256);
    }

    private static String baseKey(ParsedEntry entry, MessageDigest sha256) {
        if (entry.guid() != null && !entry.guid().isBlank()) {
            return "guid:" + entry.guid();
        }
        if (entry.link() != null) {
            return "link:" + entry.link();
        }
        return "hash:" + hash(sha256, entry.title(), entry.summary(), entry.content());
    }

    private static String contentHash(ParsedEntry entry, MessageDigest sha256) {
        String link = entry.link() == null ? null : entry.link().toString();
        return hash(sha256, entry.title(), link, entry.summary(), entry.content());
    }

    private static List<IdentifiedEntry> separateSharedKeys(List<IdentifiedEntry> entries, MessageDigest sha256) {
        Map<String, List<IdentifiedEntry>> byKey = new HashMap<>();
        for (IdentifiedEntry entry : entries) {
            byKey.computeIfAbsent(entry.key(), key -> new ArrayList<>()).add(entry);
        }
        List<IdentifiedEntry> result = new ArrayList<>(entries.size());
        for (IdentifiedEntry entry : entries) {
            List<IdentifiedEntry> group = byKey.get(entry.key());
            result.add(group.size() == 1 ? entry : withSuffix(entry, group, sha256));
        }
        return result;
    }

    private static IdentifiedEntry withSuffix(IdentifiedEntry entry, List<IdentifiedEntry> group, MessageDigest sha256) {
        String suffix = linkIsUniqueIn(entry, group)
                ? hash(sha256, entry.entry().link().toString()).substring(0, SUFFIX_HEX_CHARS)
                : entry.contentHash().substring(0, SUFFIX_HEX_CHARS);
        return new IdentifiedEntry(entry.key() + "#" + suffix, entry.contentHash(), entry.entry());
    }

    private static boolean linkIsUniqueIn(IdentifiedEntry entry, List<IdentifiedEntry> group) {
        if (entry.entry().link() == null) {
            return false;
        }
        return group.stream().filter(other -> entry.entry().link().equals(other.entry().link())).count() == 1;
    }

    /**
     * sha-256 (hex) of the fields, each whitespace-normalised, joined by "\n". Normalised text
     * holds no "\n", so the joined form is unambiguous; null counts as empty.
     */
    private static String hash(MessageDigest sha256, String... fields) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                text.append('\n');
            }
            appendNormalised(text, fields[i]);
        }
        return HEX.formatHex(sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Appends the text with runs of whitespace (including no-break spaces) collapsed to one space, trimmed. */
    private static void appendNormalised(StringBuilder out, String text) {
        if (text == null) {
            return;
        }
        boolean pendingSpace = false;
        boolean wroteAny = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = wroteAny;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
                wroteAny = true;
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
