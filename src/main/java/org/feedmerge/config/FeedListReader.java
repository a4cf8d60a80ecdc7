package org.feedmerge.config;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Reads the {@code feeds:} list, rejecting feeds without a usable URL and feeds listed twice. */
final class FeedListReader {
    private static final List<String> FEED_KEYS = List.of("url", "title", "interval", "tags", "original");

    private final Problems problems;
    private final Map<String, ConfigNode> urlsSeen = new HashMap<>();

    FeedListReader(Problems problems) {
        this.problems = problems;
    }

    /** The feeds; {@code feeds:} with no value counts as an empty list, like {@code feeds: []}. */
    List<FeedConfig> read(ConfigNode feeds) {
        if (feeds.isEmpty()) {
            return List.of();
        }
        if (!feeds.isList()) {
            problems.at(feeds, "expected a list of feeds, each starting with \"- url:\", got " + feeds.describe());
            return List.of();
        }
        return feeds.elements().stream().map(this::feed).flatMap(Optional::stream).toList();
    }

    private Optional<FeedConfig> feed(ConfigNode item) {
        if (!item.isMapping() && !item.isEmpty()) {
            problems.at(item, notAFeed(item));
            return Optional.empty();
        }
        Section feed = Section.open(item, FEED_KEYS, problems);
        Optional<URI> url = url(feed);
        String title = feed.read("title", node -> node.asText().then(FreeText::nonBlank)).orElse(null);
        Duration interval = feed.read("interval", node -> node.asDuration().then(ConfigReader.POLL_INTERVALS::check))
                .orElse(null);
        List<String> tags = tags(feed.node("tags"));
        boolean original = feed.read("original", ConfigNode::asBoolean).orElse(false);
        return url.map(feedUrl -> new FeedConfig(feedUrl, title, interval, tags, original));
    }

    private static String notAFeed(ConfigNode item) {
        if (item.value().isTextual()) {
            return "a feed is a mapping; write \"- url: " + item.value().textValue() + "\"";
        }
        return "expected a feed mapping with the keys " + String.join(", ", FEED_KEYS) + ", got " + item.describe();
    }

    private Optional<URI> url(Section feed) {
        ConfigNode node = feed.node("url");
        if (node.isMissing()) {
            problems.at(node, "missing; every feed needs a url, e.g. \"url: https://example.org/feed.xml\"");
            return Optional.empty();
        }
        Optional<URI> url = feed.read("url", value -> value.asText().then(HttpUrlText::parse));
        url.ifPresent(feedUrl -> rejectDuplicate(node, feedUrl));
        return url;
    }

    private void rejectDuplicate(ConfigNode node, URI url) {
        ConfigNode first = urlsSeen.putIfAbsent(identity(url), node);
        if (first != null) {
            problems.at(node, "duplicate feed: the same URL as " + first.path().display()
                    + " on line " + first.at().line());
        }
    }

    /** Scheme and host are case-insensitive (RFC 3986 section 6.2.2.1); the rest of the URL is not. */
    private static String identity(URI url) {
        String userInfo = url.getRawUserInfo() == null ? "" : url.getRawUserInfo() + "@";
        String port = url.getPort() == -1 ? "" : ":" + url.getPort();
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        String fragment = url.getRawFragment() == null ? "" : "#" + url.getRawFragment();
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + userInfo + url.getHost().toLowerCase(Locale.ROOT)
                + port + Objects.toString(url.getRawPath(), "") + query + fragment;
    }

    private List<String> tags(ConfigNode tags) {
        if (tags.isEmpty()) {
            return List.of();
        }
        if (!tags.isList()) {
            problems.at(tags, "expected a list of tags like [news, tech], got " + tags.describe());
            return List.of();
        }
        return tags.elements().stream()
                .map(tag -> tag.asText().then(FreeText::nonBlank).orReport(reason -> problems.at(tag, reason)))
                .flatMap(Optional::stream)
                .toList();
    }
}
