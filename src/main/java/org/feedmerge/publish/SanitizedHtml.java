package org.feedmerge.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import org.feedmerge.parse.HtmlSanitizer;

/**
 * Entry HTML made safe to republish ({@link HtmlSanitizer}), remembered from one render to the
 * next. The store keeps HTML as feeds gave it, so every render sanitises what it shows; a render
 * after a poll shows mostly the entries the one before showed, and sanitising is most of what
 * preparing an entry costs. What a render did not use is forgotten at the next, so at most two
 * renders' entries are kept. Not thread-safe: one publisher uses it under its render lock.
 */
final class SanitizedHtml {

    private record Source(String html, String base) {
    }

    private Map<Source, String> previous = new HashMap<>();
    private Map<Source, String> current = new HashMap<>();

    /** Starts a render: what the last one used stays available, what it did not is forgotten. */
    void startRender() {
        previous = current;
        current = new HashMap<>();
    }

    /**
     * The HTML made safe, or "" when nothing is left of it; null for null.
     *
     * @param base what relative URLs resolve against (the store's {@code html_base}); null, or a
     *             value that does not parse, drops them
     */
    String clean(String html, String base) {
        if (html == null) {
            return null;
        }
        Source source = new Source(html, base);
        String safe = current.get(source);
        if (safe == null) {
            safe = previous.get(source);
            if (safe == null) {
                String cleaned = HtmlSanitizer.clean(html, uri(base));
                safe = cleaned == null ? "" : cleaned;
            }
            current.put(source, safe);
        }
        return safe;
    }

    private static URI uri(String base) {
        if (base == null) {
            return null;
        }
        try {
            return new URI(base);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
