package org.feedmerge.parse;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An HTML page fetched where a feed was expected. Its feed autodiscovery link, if any
 * ({@code <link rel="alternate" type="application/rss+xml" href>}, HTML Living Standard §4.6.7.1),
 * goes into the error so that whoever configured the URL can fix it; it is never followed.
 */
final class HtmlPage {
    private static final Set<String> FEED_TYPES =
            Set.of("application/rss+xml", "application/atom+xml", "application/feed+json");

    private HtmlPage() {
    }

    static FeedParseException notAFeed(String html, URI pageUrl) {
        String feed = linkedFeed(html, pageUrl);
        return new FeedParseException(feed == null
                ? "not a feed: HTML page"
                : "not a feed: HTML page; did you mean " + feed + "?");
    }

    /** The first linked feed as an absolute http(s) URL (resolved against the page and its {@code <base>}). */
    static String linkedFeed(String html, URI pageUrl) {
        Document page = Jsoup.parse(html, pageUrl == null ? "" : pageUrl.toString());
        for (Element link : page.select("link[rel][type][href]")) {
            if (isAlternate(link) && FEED_TYPES.contains(mediaType(link))) {
                URI feed = XmlBase.resolve(null, link.absUrl("href"));
                if (feed != null && isHttp(feed)) {
                    return feed.toString();
                }
            }
        }
        return null;
    }

    private static boolean isAlternate(Element link) {
        for (String rel : link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
            if (rel.equals("alternate")) {
                return true;
            }
        }
        return false;
    }

    private static String mediaType(Element link) {
        return link.attr("type").split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isHttp(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
    }
}
