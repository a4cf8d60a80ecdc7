package org.feedmerge.dedup;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The form of a link that two feeds linking to the same page agree on, used only for comparing
 * (never published). Pure and thread-safe.
 *
 * <p>From an absolute http(s) URL: scheme dropped in favour of {@code https} (http and https name
 * the same article), host lower-cased without a leading {@code www.}, default port removed, dot
 * segments resolved, trailing slash removed, fragment removed, tracking parameters removed
 * ({@code utm_*}, {@code fbclid}, {@code gclid}, {@code mc_cid}, … see {@link #TRACKING}) and the
 * remaining parameters sorted by name, so that parameter order does not matter either.
 */
public final class CanonicalUrl {

    /** Query parameters that only say how the reader got there (RFC 3986 leaves their meaning to the site). */
    static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
            "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "wickedid",
            "ref_src", "ref_url", "cmpid", "ncid", "ocid", "smid", "sr_share", "at_medium", "at_campaign",
            "at_custom1", "at_custom2", "at_custom3", "at_custom4", "spm", "share", "s_cid", "rss", "amp",
            "outputtype", "__twitter_impression");

    private CanonicalUrl() {
    }

    /** The canonical form, or null when the text is not an absolute http(s) URL. */
    public static String of(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url.strip()).normalize();
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null || uri.getHost() == null) {
            return null;
        }
        return "https://" + host(uri) + port(uri) + path(uri.getRawPath()) + query(uri.getRawQuery());
    }

    /**
     * Whether a canonical URL names one article rather than a whole site (it has a path or a query
     * after the host): a link to the home page, where some feeds point every item, says nothing
     * about which story an item is.
     */
    public static boolean namesAnArticle(String canonical) {
        if (canonical == null) {
            return false;
        }
        for (int i = "https://".length(); i < canonical.length(); i++) {
            char c = canonical.charAt(i);
            if (c == '/' || c == '?') {
                return true; // a path or a query after the host
            }
        }
        return false;
    }

    private static String host(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String port(URI uri) {
        int port = uri.getPort();
        return port == -1 || port == 80 || port == 443 ? "" : ":" + port;
    }

    private static String path(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return "";
        }
        String path = rawPath;
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    private static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (!parameter.isEmpty() && !isTracking(parameter)) {
                kept.add(parameter);
            }
        }
        // Stable sort by name: values of a repeated name keep their order.
        kept.sort((a, b) -> name(a).compareTo(name(b)));
        return kept.isEmpty() ? "" : "?" + String.join("&", kept);
    }

    private static boolean isTracking(String parameter) {
        String name = name(parameter).toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || TRACKING.contains(name);
    }

    private static String name(String parameter) {
        int equals = parameter.indexOf('=');
        return equals < 0 ? parameter : parameter.substring(0, equals);
    }
}
