package org.feedmerge.publish;

import java.util.List;

/**
 * Whether a request's Accept-Encoding (RFC 9110 §12.5.3) lets us send gzip: {@code gzip} (or its
 * alias {@code x-gzip}) listed with a non-zero weight, or, when neither is named, {@code *} with a
 * non-zero weight. An element that does not parse counts as absent, so garbage falls back to the
 * uncompressed body. Scans by index without allocating: this runs on every request.
 */
final class AcceptEncoding {

    private static final int ABSENT = -1;
    private static final int REFUSED = 0;
    private static final int ACCEPTED = 1;

    private AcceptEncoding() {
    }

    /** @param values every Accept-Encoding field line of the request, or null when there is none */
    static boolean allowsGzip(List<String> values) {
        if (values == null) {
            return false;
        }
        int gzip = ABSENT;
        int any = ABSENT;
        for (String value : values) {
            for (int start = 0; start <= value.length(); ) {
                int end = value.indexOf(',', start);
                end = end < 0 ? value.length() : end;
                int weight = weight(value, start, end);
                if (gzip == ABSENT && (isCoding(value, start, end, "gzip") || isCoding(value, start, end, "x-gzip"))) {
                    gzip = weight;
                } else if (any == ABSENT && isCoding(value, start, end, "*")) {
                    any = weight;
                }
                start = end + 1;
            }
        }
        return gzip == ACCEPTED || (gzip == ABSENT && any == ACCEPTED);
    }

    /** Whether the element's coding, before any ';', is {@code coding} (case-insensitive, OWS around). */
    private static boolean isCoding(String value, int start, int end, String coding) {
        int semicolon = value.indexOf(';', start);
        int codingEnd = semicolon < 0 || semicolon > end ? end : semicolon;
        int from = skipSpace(value, start, codingEnd);
        int to = trimEnd(value, from, codingEnd);
        return to - from == coding.length() && value.regionMatches(true, from, coding, 0, coding.length());
    }

    /** ACCEPTED without a q parameter, else by the qvalue; ABSENT when q is malformed. */
    private static int weight(String value, int start, int end) {
        int param = value.indexOf(';', start);
        while (param >= 0 && param < end) {
            int from = skipSpace(value, param + 1, end);
            int next = value.indexOf(';', from);
            int paramEnd = next < 0 || next > end ? end : next;
            if (from + 1 < paramEnd && (value.charAt(from) == 'q' || value.charAt(from) == 'Q')) {
                int equals = skipSpace(value, from + 1, paramEnd);
                if (equals < paramEnd && value.charAt(equals) == '=') {
                    return qvalue(value, skipSpace(value, equals + 1, paramEnd), trimEnd(value, equals + 1, paramEnd));
                }
            }
            param = next;
        }
        return ACCEPTED;
    }

    /** {@code qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )}. */
    private static int qvalue(String value, int from, int to) {
        if (from >= to || to - from > 5) {
            return ABSENT;
        }
        char unit = value.charAt(from);
        if (unit != '0' && unit != '1') {
            return ABSENT;
        }
        if (to - from > 1 && value.charAt(from + 1) != '.') {
            return ABSENT;
        }
        boolean nonZeroFraction = false;
        for (int i = from + 2; i < to; i++) {
            char digit = value.charAt(i);
            if (digit < '0' || digit > '9' || (unit == '1' && digit != '0')) {
                return ABSENT;
            }
            nonZeroFraction |= digit != '0';
        }
        return unit == '1' || nonZeroFraction ? ACCEPTED : REFUSED;
    }

    private static int skipSpace(String value, int from, int to) {
        while (from < to && isSpace(value.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int trimEnd(String value, int from, int to) {
        while (to > from && isSpace(value.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }
}
