package org.feedmerge.conformance;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points the system identifiers of a document's DOCTYPE (external DTD subset, external entities)
 * at the canary, so that any attempt to fetch or read them is caught instead of going to the
 * Internet or the disk. {@code file:} and absolute-path ids go to the canary file, everything else
 * to the canary socket. Pure.
 *
 * <p>Only single-byte-compatible documents are rewritten (ISO-8859-1 round-trips every byte, so
 * the rest of the document is untouched); UTF-16/32 documents are left as they are.
 */
final class ExternalIds {
    private static final Pattern DOCTYPE_START = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);
    /** {@code SYSTEM "id"} or {@code PUBLIC "public-id" "id"}; group 2 is the system literal. */
    private static final Pattern EXTERNAL_ID = Pattern.compile(
            "(SYSTEM\\s+|PUBLIC\\s+(?:\"[^\"]*\"|'[^']*')\\s+)(\"[^\"]*\"|'[^']*')");

    private ExternalIds() {
    }

    /** The document with its external ids replaced; the same array when there was nothing to replace. */
    static byte[] pointAtCanary(byte[] body, String httpUrl, String fileUrl) {
        if (isWideEncoding(body)) {
            return body;
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        Matcher doctype = DOCTYPE_START.matcher(text);
        if (!doctype.find()) {
            return body;
        }
        int end = doctypeEnd(text, doctype.start());
        String rewritten = rewrite(text.substring(doctype.start(), end), httpUrl, fileUrl);
        String result = text.substring(0, doctype.start()) + rewritten + text.substring(end);
        return result.equals(text) ? body : result.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The DOCTYPE runs to {@code ]>} when it has an internal subset, else to the first {@code >}. */
    private static int doctypeEnd(String text, int start) {
        int close = text.indexOf('>', start);
        int subset = text.indexOf('[', start);
        if (subset >= 0 && (close < 0 || subset < close)) {
            int subsetEnd = text.indexOf("]>", subset);
            return subsetEnd < 0 ? text.length() : subsetEnd + 2;
        }
        return close < 0 ? text.length() : close + 1;
    }

    private static String rewrite(String doctype, String httpUrl, String fileUrl) {
        Matcher id = EXTERNAL_ID.matcher(doctype);
        StringBuilder out = new StringBuilder();
        while (id.find()) {
            String literal = id.group(2);
            String original = literal.substring(1, literal.length() - 1);
            String target = original.startsWith("file:") || original.startsWith("/") ? fileUrl : httpUrl;
            id.appendReplacement(out, Matcher.quoteReplacement(id.group(1) + '"' + target + '"'));
        }
        id.appendTail(out);
        return out.toString();
    }

    private static boolean isWideEncoding(byte[] body) {
        if (body.length >= 2 && ((body[0] & 0xFF) == 0xFE || (body[0] & 0xFF) == 0xFF)) {
            return true;
        }
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
