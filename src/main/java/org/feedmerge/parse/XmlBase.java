package org.feedmerge.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Base URIs and reference resolution: XML Base (W3C, 2009) for {@code xml:base} attributes, RFC
 * 3986 §5 for resolving a reference against a base. Garbage resolves to null, never to an
 * exception.
 */
final class XmlBase {
    private static final String ILLEGAL_URI_CHARS = " \"<>\\^`{|}";

    private XmlBase() {
    }

    /** The base URI in scope at {@code element}: the document URI, refined by every xml:base above it. */
    static URI of(Element element, URI documentUri) {
        if (element == null) {
            return documentUri;
        }
        URI parentBase = of(element.getParentElement(), documentUri);
        String base = element.getAttributeValue("base", Namespace.XML_NAMESPACE);
        if (base == null) {
            return parentBase;
        }
        URI resolved = resolve(parentBase, base);
        return resolved != null ? resolved : parentBase;
    }

    /** The absolute URI {@code reference} denotes, or null if blank, malformed or still relative. */
    static URI resolve(URI base, String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        URI uri = parseLeniently(reference.strip());
        if (uri == null || uri.isAbsolute()) {
            return uri;
        }
        if (base == null || !base.isAbsolute() || base.isOpaque()) {
            return null;
        }
        try {
            return withPath(base).resolve(uri);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** java.net.URI resolves "a" against "http://host" to "http://hosta"; RFC 3986 §5.2.3 says "/a". */
    private static URI withPath(URI base) {
        String path = base.getRawPath();
        return path == null || path.isEmpty() ? base.resolve("/") : base;
    }

    /** Feeds carry links with spaces, braces and stray '%': percent-encode those and retry once. */
    private static URI parseLeniently(String reference) {
        try {
            return new URI(reference);
        } catch (URISyntaxException e) {
            try {
                return new URI(encodeIllegalCharacters(reference));
            } catch (URISyntaxException stillBad) {
                return null;
            }
        }
    }

    private static String encodeIllegalCharacters(String reference) {
        StringBuilder out = new StringBuilder(reference.length() + 16);
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (ILLEGAL_URI_CHARS.indexOf(c) >= 0 || c < 0x20 || (c == '%' && !isPercentEscape(reference, i))) {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isPercentEscape(String s, int percent) {
        return percent + 2 < s.length() && Character.digit(s.charAt(percent + 1), 16) >= 0
                && Character.digit(s.charAt(percent + 2), 16) >= 0;
    }
}
