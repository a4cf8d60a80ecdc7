package org.feedmerge.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Feed 1.0 and 1.1 (jsonfeed.org/version/1.1) read with Jackson into the same records as
 * RSS and Atom. A document is one when its top-level {@code version} names a jsonfeed.org version;
 * any other JSON is refused as not a feed.
 *
 * <p>Field choices: the link is {@code url}, else {@code external_url}; content is
 * {@code content_html}, else (when it is blank or nothing of it is safe to show)
 * {@code content_text} (escaped); {@code summary} is plain text by the spec, so it is escaped;
 * the author is the first named of the item's {@code authors} (1.1), its {@code author} (1.0),
 * then the feed's. Titles are plain text by the
 * spec, but publishers HTML-escape them ({@code &amp;}), so character references are decoded
 * once; markup in them stays literal text. Relative URLs resolve against {@code feed_url}, else
 * {@code home_page_url}, else the URL the document was fetched from. Dates go through
 * {@link FeedDate}. Numeric ids are coerced to strings, as the spec asks.
 *
 * <p>Thread-safe: the {@link ObjectMapper} is configured once and only used to read trees.
 */
final class JsonFeedReader {
    private static final String VERSION_MARK = "jsonfeed.org/version/";

    private final ObjectMapper mapper = new ObjectMapper();

    ParsedFeed read(String text, URI fetchUrl) throws FeedParseException {
        JsonNode root = parse(text);
        if (!root.isObject() || !string(root, "version").contains(VERSION_MARK)) {
            throw new FeedParseException("not a feed: JSON document without a JSON Feed version");
        }
        URI base = base(root, fetchUrl);
        String feedAuthor = author(root);
        List<ParsedEntry> entries = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            if (item.isObject()) {
                entries.add(entry(item, base, feedAuthor));
            }
        }
        return new ParsedFeed(
                title(root),
                XmlBase.resolve(fetchUrl, textOrNull(root, "home_page_url")),
                TextConstruct.toPlainText("text", textOrNull(root, "description")),
                entries);
    }

    private JsonNode parse(String text) throws FeedParseException {
        int start = 0;
        while (start < text.length() && text.charAt(start) == '\uFEFF') {
            start++; // a second BOM, left after decoding removed the first
        }
        try {
            return mapper.readTree(start == 0 ? text : text.substring(start));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new FeedParseException("JSON is not well-formed" + where + ": " + OneLine.of(e.getOriginalMessage()), e);
        }
    }

    private static ParsedEntry entry(JsonNode item, URI base, String feedAuthor) {
        String author = author(item);
        return new ParsedEntry(
                TextConstruct.trimmed(textOrNull(item, "id")),
                link(item, base),
                title(item),
                TextConstruct.toHtml("text", textOrNull(item, "summary")),
                content(item, base),
                base,
                author != null ? author : feedAuthor,
                FeedDate.parse(textOrNull(item, "date_published")),
                FeedDate.parse(textOrNull(item, "date_modified")));
    }

    private static URI link(JsonNode item, URI base) {
        URI url = XmlBase.resolve(base, textOrNull(item, "url"));
        return url != null ? url : XmlBase.resolve(base, textOrNull(item, "external_url"));
    }

    /**
     * content_html, else content_text. Only an item that has both has its HTML cleaned here: when
     * nothing of it is safe to show (an embed alone), the text stands in, as the merged feed would
     * otherwise show neither.
     */
    private static String content(JsonNode item, URI base) {
        String html = TextConstruct.toHtml(TextConstruct.RSS, textOrNull(item, "content_html"));
        String text = TextConstruct.toHtml("text", textOrNull(item, "content_text"));
        if (html == null || html.isBlank() || text != null && HtmlSanitizer.clean(html, base) == null) {
            return text;
        }
        return html;
    }

    private static String title(JsonNode node) {
        String title = textOrNull(node, "title");
        return title == null ? null : TextConstruct.blankToNull(
                TextConstruct.collapseWhitespace(TextConstruct.decodeReferences(title)));
    }

    /** 1.1's {@code authors} first, then 1.0's {@code author}: the first with a name. */
    private static String author(JsonNode node) {
        for (JsonNode author : node.path("authors")) {
            String name = TextConstruct.trimmed(textOrNull(author, "name"));
            if (name != null) {
                return name;
            }
        }
        return TextConstruct.trimmed(textOrNull(node.path("author"), "name"));
    }

    private static URI base(JsonNode root, URI fetchUrl) {
        for (String field : new String[] {"feed_url", "home_page_url"}) {
            URI candidate = XmlBase.resolve(fetchUrl, textOrNull(root, field));
            if (candidate != null && !candidate.isOpaque()) {
                return candidate;
            }
        }
        return fetchUrl;
    }

    /** A string or number field as text; anything else (object, array, null, absent) is null. */
    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() || value.isNumber() ? value.asText() : null;
    }

    private static String string(JsonNode node, String field) {
        String text = textOrNull(node, field);
        return text == null ? "" : text;
    }
}
