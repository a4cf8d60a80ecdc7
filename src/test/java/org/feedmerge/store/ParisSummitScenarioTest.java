package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedmerge.store.Documents.identified;
import static org.feedmerge.store.Polls.T0;
import static org.feedmerge.store.Polls.at;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.feedmerge.config.WinnerRule;
import org.feedmerge.parse.ParsedEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario with the real story text (shared/stories/paris-summit.txt): one story
 * published by its original outlet, by an aggregator linking to it with tracking parameters, and by
 * a republisher under its own URL with a rewritten headline and trimmed, lightly edited text; plus
 * an unrelated story on the same topic from a fourth outlet, which must stay separate.
 */
class ParisSummitScenarioTest {

    private static final Path STORIES = Path.of("..", "shared", "stories");
    private static final String ARTICLE = "https://newsoflosangeles.test/world/ukraine-allies-meet-in-paris/";
    private static final Instant PUBLISHED = T0.minus(Duration.ofHours(3));

    @TempDir
    Path dir;

    private Database database;
    private FeedStore feeds;
    private EntryStore entries;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("feedmerge.db"));
        StoryRules rules = new StoryRules(true, WinnerRule.ORIGINAL_THEN_EARLIEST, false);
        feeds = new FeedStore(database, rules);
        entries = new EntryStore(database, rules);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void threeOutletsShowOneStoryWithItsSourcesAndTheUnrelatedStoryStaysSeparate() throws IOException {
        List<String> story = paragraphs(STORIES.resolve("paris-summit.txt"));
        String headline = story.get(0);
        List<String> body = story.subList(1, story.size());
        long aggregator = feed("https://worldbriefing.test/rss", "World Briefing", false, 0);
        long republisher = feed("https://eurowire.test/feed", "Euro Wire", false, 1);
        long original = feed("https://newsoflosangeles.test/feed", "News of Los Angeles", true, 2);
        long other = feed("https://kyivdispatch.test/atom", "Kyiv Dispatch", false, 3);

        feeds.recordPoll(aggregator, Polls.ok(T0), identified(Documents.item("wb-99812",
                "http://www." + ARTICLE.substring("https://".length()) + "?utm_source=worldbriefing&utm_medium=rss&fbclid=x1#comments",
                headline, excerpt(body, 55), PUBLISHED.plus(Duration.ofMinutes(20)))));
        String storyId = only().publicId();
        feeds.recordPoll(republisher, Polls.ok(at(10)), identified(Documents.item(null,
                "https://eurowire.test/2026/01/06/macron-coalition-willing-paris-talks",
                "Macron Hosts Coalition of the Willing as Washington Looks to Venezuela and Greenland",
                rewrite(body), PUBLISHED.plus(Duration.ofHours(1)))));
        feeds.recordPoll(other, Polls.ok(at(20)), identified(unrelated()));
        feeds.recordPoll(original, Polls.ok(at(30)), identified(Documents.item("https://newsoflosangeles.test/?p=48213",
                ARTICLE, headline, html(body), PUBLISHED)));

        List<MergedEntry> merged = entries.newest(10);
        assertThat(entries.count()).isEqualTo(4);
        assertThat(merged).hasSize(2);
        MergedEntry paris = merged.stream().filter(e -> e.title().equals(headline)).findFirst().orElseThrow();
        assertThat(paris.feedId()).as("the original outlet wins").isEqualTo(original);
        assertThat(paris.publicId()).as("the id published first stays").isEqualTo(storyId).isEqualTo("wb-99812");
        assertThat(paris.link()).isEqualTo(ARTICLE);
        assertThat(paris.otherSources()).extracting(StorySource::feedTitle)
                .containsExactlyInAnyOrder("World Briefing", "Euro Wire");
        MergedEntry separate = merged.stream().filter(e -> e != paris).findFirst().orElseThrow();
        assertThat(separate.feedId()).isEqualTo(other);
        assertThat(separate.otherSources()).isEmpty();
    }

    @Test
    void withCrossFeedDedupOffEveryCopyIsItsOwnItem() throws IOException {
        StoryRules off = new StoryRules(false, WinnerRule.EARLIEST, false);
        FeedStore plain = new FeedStore(database, off);
        List<String> story = paragraphs(STORIES.resolve("paris-summit.txt"));
        long a = feed("https://a.test/feed", "A", false, 0);
        long b = feed("https://b.test/feed", "B", false, 1);
        plain.recordPoll(a, Polls.ok(T0), identified(Documents.item("a1", ARTICLE, story.get(0),
                html(story.subList(1, story.size())), PUBLISHED)));
        plain.recordPoll(b, Polls.ok(at(1)), identified(Documents.item("b1", ARTICLE + "?utm_source=b",
                story.get(0), html(story.subList(1, story.size())), PUBLISHED)));

        assertThat(entries.newest(10)).hasSize(2).allSatisfy(e -> assertThat(e.otherSources()).isEmpty());
    }

    private long feed(String url, String title, boolean original, int position) {
        long id = feeds.register(URI.create(url), title).id();
        feeds.configure(id, original, position);
        return id;
    }

    private MergedEntry only() {
        List<MergedEntry> all = entries.newest(10);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /** The story's paragraphs: its headline first, then the body without the repeated headline. */
    static List<String> paragraphs(Path file) throws IOException {
        List<String> paragraphs = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String text = line.strip().replaceFirst("^[>•–\\s]+", "").strip();
            if (!text.isEmpty() && !text.equals(paragraphs.isEmpty() ? null : paragraphs.get(0))) {
                paragraphs.add(text);
            }
        }
        return paragraphs;
    }

    static String html(List<String> paragraphs) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : paragraphs) {
            html.append("<p>").append(paragraph.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n");
        }
        return html.toString();
    }

    /** The first {@code words} words, as feeds cut excerpts, with WordPress's "[…]". */
    private static String excerpt(List<String> body, int words) {
        String[] all = String.join(" ", body).split("\\s+");
        return "<p>" + String.join(" ", List.of(all).subList(0, words)) + " [&hellip;]</p>";
    }

    /** Without the "At a Glance" box, cut after the Greenland section, with a few words changed. */
    private static String rewrite(List<String> body) {
        int from = indexStartingWith(body, "Ukraine’s future security");
        int to = indexStartingWith(body, "Zelenskyy: Not Everyone Ready");
        List<String> kept = new ArrayList<>();
        for (String paragraph : body.subList(from, to)) {
            kept.add(paragraph.replace("heads of state", "leaders").replace("Paris-while", "Paris, while")
                    .replace("scrapped his trip", "called off his visit").replace("Sunday", "on Sunday"));
        }
        kept.add(0, "PARIS (Euro Wire) —");
        return html(kept);
    }

    private static int indexStartingWith(List<String> paragraphs, String start) {
        for (int i = 0; i < paragraphs.size(); i++) {
            if (paragraphs.get(i).startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no paragraph starts with " + start);
    }

    private static ParsedEntry unrelated() throws IOException {
        List<String> story = paragraphs(Path.of("src", "test", "resources", "dedup", "paris-unrelated.txt"));
        return Documents.item("tag:kyivdispatch.test,2026:grid-strikes", "https://kyivdispatch.test/news/grid-strikes-paris",
                story.get(0), html(story.subList(1, story.size())), PUBLISHED.plus(Duration.ofMinutes(45)));
    }
}
