package org.feedmerge.publish;

import java.time.Instant;
import java.util.List;

/**
 * Conditional GET (RFC 9110 §13.2.2): If-None-Match, when present, decides alone, by weak
 * comparison against the selected representation's ETag; otherwise If-Modified-Since, at the
 * second precision of HTTP dates. Malformed values never match, so the client gets a full 200.
 */
final class Preconditions {

    private Preconditions() {
    }

    /**
     * @param ifNoneMatch     every If-None-Match field line, or null
     * @param ifModifiedSince every If-Modified-Since field line, or null
     * @param etag            the selected representation's strong ETag, quoted
     */
    static boolean notModified(List<String> ifNoneMatch, List<String> ifModifiedSince, String etag,
            CachedDocument document) {
        if (ifNoneMatch != null) {
            return anyMatches(ifNoneMatch, etag);
        }
        // A field that is repeated or not a valid HTTP-date is ignored (§13.1.3).
        return ifModifiedSince != null && ifModifiedSince.size() == 1
                && notModifiedSince(ifModifiedSince.get(0), document);
    }

    private static boolean anyMatches(List<String> fieldLines, String etag) {
        for (String line : fieldLines) {
            if (line.equals(etag) || matches(line, etag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code If-None-Match = "*" / #entity-tag}, {@code entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE}.
     * Weak comparison ignores the W/ prefix. Stops at the first element that does not parse.
     */
    static boolean matches(String line, String etag) {
        int i = 0;
        int length = line.length();
        while (i < length) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
            } else if (c == '*') {
                return true;
            } else {
                if (c == 'W' && line.startsWith("W/", i)) {
                    i += 2;
                }
                if (i >= length || line.charAt(i) != '"') {
                    return false;
                }
                int close = line.indexOf('"', i + 1);
                if (close < 0) {
                    return false;
                }
                if (close + 1 - i == etag.length() && line.regionMatches(i, etag, 0, etag.length())) {
                    return true;
                }
                i = close + 1;
            }
        }
        return false;
    }

    private static boolean notModifiedSince(String value, CachedDocument document) {
        if (value.equals(document.lastModifiedHeader)) {
            return true;
        }
        Instant since = HttpDates.parse(value);
        return since != null && !document.lastModified.isAfter(since);
    }
}
