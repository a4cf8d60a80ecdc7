package org.feedmerge.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The id an entry carries in the merged feed. Readers drop items whose id they have seen, and
 * unrelated publishers reuse simple ids ("1", "post-1"), so an original id is only reused while no
 * other stored entry holds it; otherwise the id is derived from what makes the entry unique in
 * feedmerge (feed URL and entry key). Derived ids are deterministic: a database rebuilt from the
 * same feeds in the same order yields the same ids.
 */
final class PublicId {

    static final String DERIVED_PREFIX = "urn:feedmerge:";
    private static final int DERIVED_HEX_CHARS = 32;

    private PublicId() {
    }

    /** The preferred id: guid, else link, else the derived id. */
    static String candidate(String feedUrl, NewEntry entry) {
        if (entry.guid() != null && !entry.guid().isBlank()) {
            return entry.guid();
        }
        if (entry.link() != null && !entry.link().isBlank()) {
            return entry.link();
        }
        return derived(feedUrl, entry.key());
    }

    /** {@code urn:feedmerge:} + the first 32 hex chars of sha-256(feed URL + "\n" + entry key). */
    static String derived(String feedUrl, String entryKey) {
        byte[] hash = sha256().digest((feedUrl + "\n" + entryKey).getBytes(StandardCharsets.UTF_8));
        return DERIVED_PREFIX + HexFormat.of().formatHex(hash).substring(0, DERIVED_HEX_CHARS);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
