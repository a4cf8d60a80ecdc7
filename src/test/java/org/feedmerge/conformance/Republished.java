package org.feedmerge.conformance;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which republished field a feedparser conjunct is about, if any. feedmerge republishes an entry's
 * title, link, id, summary, content, author and dates, and its source feed's title and link through
 * {@code <source>}; feedparser's other fields (link relations and types, text types, tags, rights,
 * contributors, enclosures, the original entry's own {@code atom:source}, feed subtitle, image...)
 * are not carried into a merged feed, so conjuncts about them are skipped with their path as the reason.
 *
 * @param field what to compare
 * @param entry which entry of the source document ({@code entries[N]}); 0 for feed-level fields
 */
record Republished(Field field, int entry) {

    /** A republished field, with the name its pass count is reported under. */
    enum Field {
        TITLE("output.title"),
        SUMMARY("output.summary"),
        CONTENT("output.content"),
        LINK("output.link"),
        ID("output.id"),
        AUTHOR("output.author"),
        PUBLISHED("output.published"),
        UPDATED("output.updated"),
        ENTRY_COUNT("output.entry-count"),
        SOURCE_TITLE("source-meta.title"),
        SOURCE_LINK("source-meta.link");

        final String check;

        Field(String check) {
            this.check = check;
        }

        boolean isDate() {
            return this == PUBLISHED || this == UPDATED;
        }
    }

    private static final Map<List<String>, Field> ENTRY_PATHS = Map.ofEntries(
            Map.entry(List.of("title"), Field.TITLE),
            Map.entry(List.of("title_detail", "value"), Field.TITLE),
            Map.entry(List.of("summary"), Field.SUMMARY),
            Map.entry(List.of("description"), Field.SUMMARY),
            Map.entry(List.of("summary_detail", "value"), Field.SUMMARY),
            Map.entry(List.of("content", "0", "value"), Field.CONTENT),
            Map.entry(List.of("id"), Field.ID),
            Map.entry(List.of("guid"), Field.ID),
            Map.entry(List.of("link"), Field.LINK),
            Map.entry(List.of("links", "0", "href"), Field.LINK),
            Map.entry(List.of("author"), Field.AUTHOR),
            Map.entry(List.of("author_detail", "name"), Field.AUTHOR),
            Map.entry(List.of("author_detail", "email"), Field.AUTHOR),
            Map.entry(List.of("authors", "0", "name"), Field.AUTHOR),
            Map.entry(List.of("published_parsed"), Field.PUBLISHED),
            Map.entry(List.of("published"), Field.PUBLISHED),
            Map.entry(List.of("created_parsed"), Field.PUBLISHED),
            Map.entry(List.of("created"), Field.PUBLISHED),
            Map.entry(List.of("updated_parsed"), Field.UPDATED),
            Map.entry(List.of("updated"), Field.UPDATED));

    private static final Map<List<String>, Field> FEED_PATHS = Map.of(
            List.of("title"), Field.SOURCE_TITLE,
            List.of("title_detail", "value"), Field.SOURCE_TITLE,
            List.of("link"), Field.SOURCE_LINK,
            List.of("links", "0", "href"), Field.SOURCE_LINK);

    /** The republished field the conjunct is about; empty when feedmerge does not republish it. */
    static Optional<Republished> of(Conjunct conjunct) {
        if (!"==".equals(conjunct.op()) || conjunct.root() == null) {
            return Optional.empty();
        }
        List<String> path = conjunct.path();
        if (conjunct.root().equals("feed")) {
            return Optional.ofNullable(FEED_PATHS.get(path)).map(field -> new Republished(field, 0));
        }
        if (path.equals(List.of("__len__"))) {
            return Optional.of(new Republished(Field.ENTRY_COUNT, 0));
        }
        if (path.isEmpty() || !path.get(0).matches("\\d+")) {
            return Optional.empty();
        }
        int entry = Integer.parseInt(path.get(0));
        List<String> rest = path.subList(1, path.size());
        if (isAlternateLinkDictionary(rest, conjunct)) {
            return Optional.of(new Republished(Field.LINK, entry));
        }
        return Optional.ofNullable(ENTRY_PATHS.get(rest)).map(field -> new Republished(field, entry));
    }

    /** {@code entries[0]['links'][N] == {'rel': 'alternate', ..., 'href': ...}}: the entry's link. */
    private static boolean isAlternateLinkDictionary(List<String> rest, Conjunct conjunct) {
        return rest.size() == 2 && rest.get(0).equals("links") && conjunct.value() != null
                && conjunct.value().isObject() && "alternate".equals(conjunct.value().path("rel").asText());
    }

    /** A skipped conjunct's path with indexes generalised, e.g. {@code entries[N].links[N].rel}: the skip reason. */
    static String describe(Conjunct conjunct) {
        StringBuilder path = new StringBuilder(String.valueOf(conjunct.root()));
        for (String step : conjunct.path()) {
            path.append(step.matches("\\d+") ? "[N]" : "." + step);
        }
        return path + (("==".equals(conjunct.op()) || conjunct.op() == null) ? "" : " (" + conjunct.op() + ")") + " not republished";
    }
}
