package org.feedmerge.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes an entry's content what it is, as one hash: a change of the hash is a substantive
 * update. Pure and thread-safe.
 *
 * <p>Hashed: the title, the {@link CanonicalUrl canonical} link, and the visible text of summary
 * and content ({@link PlainText}), each whitespace-collapsed. So re-indented markup, a tag changed
 * around the same words, a tracking parameter added to the link, a new author spelling or a bumped
 * {@code <updated>} are not updates; a changed word is.
 */
public final class Substance {

    private static final HexFormat HEX = HexFormat.of();

    private Substance() {
    }

    /** sha-256 (hex) of the substance; fields may be null. */
    public static String hash(String title, String link, String summaryHtml, String contentHtml) {
        return hash(title, link, Normalised.of(link, summaryHtml, contentHtml));
    }

    /** As {@link #hash(String, String, String, String)}, from the entry's {@link Normalised} link and text. */
    public static String hash(String title, String link, Normalised normalised) {
        String canonical = normalised.canonicalLink();
        return sha256Hex(PlainText.collapseWhitespace(nullToEmpty(title)),
                canonical != null ? canonical : PlainText.collapseWhitespace(nullToEmpty(link)),
                normalised.summary(), normalised.content());
    }

    /**
     * Whether two versions of an entry have the same substance, compared without white space. The
     * store asks this, when the hashes differ, of a row whose HTML it stored sanitised (before
     * schema version 8) against the same entry as the feed gives it now: sanitising drops tags that
     * {@link PlainText} reads as spaces, so the two differ in spaces without a change of words.
     * Elsewhere a space is a word boundary, and moving one is an edit.
     */
    public static boolean same(String title, String link, Normalised normalised, String otherTitle, String otherLink,
            Normalised otherNormalised) {
        return withoutSpaces(title).equals(withoutSpaces(otherTitle))
                && withoutSpaces(linkOf(link, normalised)).equals(withoutSpaces(linkOf(otherLink, otherNormalised)))
                && withoutSpaces(normalised.summary()).equals(withoutSpaces(otherNormalised.summary()))
                && withoutSpaces(normalised.content()).equals(withoutSpaces(otherNormalised.content()));
    }

    private static String linkOf(String link, Normalised normalised) {
        return normalised.canonicalLink() != null ? normalised.canonicalLink() : link;
    }

    /** The text without any white space (no-break spaces included), as {@link PlainText} defines it; "" for null. */
    static String withoutSpaces(String text) {
        String collapsed = PlainText.collapseWhitespace(nullToEmpty(text));
        return collapsed.indexOf(' ') < 0 ? collapsed : collapsed.replace(" ", "");
    }

    /** sha-256 (hex) of the fields joined by "\n"; collapsed text holds no "\n", so the join is unambiguous. */
    static String sha256Hex(String... fields) {
        MessageDigest sha256 = sha256();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sha256.update((byte) '\n');
            }
            sha256.update(fields[i].getBytes(StandardCharsets.UTF_8));
        }
        return HEX.formatHex(sha256.digest());
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
