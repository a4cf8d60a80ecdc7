package org.feedmerge.dedup;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.feedmerge.parse.ParsedEntry;

/**
 * A deterministic, labelled set of feed items for measuring story grouping: every item carries the
 * label of the story it tells. The recipe is documented in docs/dedup.md.
 *
 * <p>Text is synthetic but shaped like news: a Zipf-distributed vocabulary of made-up words with
 * real English stop words, topic words (names, places) shared by all stories of a topic, and
 * stock phrases shared by all stories ("according to officials"). Each story is published by its
 * home feed; some are copied into other feeds as a link variant (same article URL with tracking
 * parameters, www., http, fragment), a syndicated copy (own URL, same text), an excerpt (first
 * 25–60 words), or a rewrite (new headline, opening dropped or a dateline added, a quarter to all
 * of the text kept, 5–10% of words replaced, a footer added). Some stories get a "sibling": a
 * different story on the same topic, published within three days, with a headline sharing most
 * words and, half of the time, a quoted statement of 12–24 words from inside the first story —
 * the hard negatives.
 */
final class LabelledSet {

    /** How big a set to make. */
    record Recipe(long seed, int feeds, int stories, double copiedShare, double siblingShare) {
        static final Recipe REPORT = new Recipe(20240501L, 300, 3000, 0.35, 0.2);
        static final Recipe TEST = new Recipe(7L, 40, 500, 0.35, 0.2);
    }

    enum Variant { ORIGINAL, LINK_VARIANT, SYNDICATED, EXCERPT, REWRITE }

    record Feed(int index, URI url, String title) {
    }

    record Item(Feed feed, int story, Variant variant, ParsedEntry entry) {
    }

    private static final String[] STOP_WORDS = {"the", "of", "and", "to", "a", "in", "that", "is", "for", "on",
        "it", "with", "as", "was", "he", "be", "by", "at", "they", "this", "from", "have", "or", "had", "not",
        "but", "are", "were", "their", "has", "been", "which", "will", "would", "there", "after", "who", "its"};
    private static final String[] STOCK_PHRASES = {"according to officials", "in a statement on", "it was not"
        + " immediately clear", "the ministry said", "speaking to reporters", "local media reported",
        "officials said on", "in an interview with", "the government said", "sources familiar with the matter",
        "a spokesperson said", "earlier this week", "later on", "at a news conference"};
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "tor", "ba", "shi", "vel", "an", "dor",
        "pe", "qua", "ri", "sul", "te", "no", "ga", "fi", "zor", "ul", "mar", "den", "sa", "vo", "lin", "che",
        "bru", "ost", "ela", "nim", "pra", "gu", "hen", "ix", "tal", "rod", "mea", "cy", "pol", "ad"};
    private static final int VOCABULARY = 4000;
    private static final int TOPICS = 80;
    private static final int TOPIC_WORDS = 30;
    private static final Instant START = Instant.parse("2024-04-01T00:00:00Z");

    private final SplittableRandom random;
    private final List<String> vocabulary;
    private final double[] zipf;
    private final List<List<String>> topics = new ArrayList<>();
    private final List<Feed> feeds = new ArrayList<>();
    private final List<Item> items = new ArrayList<>();
    private int nextStory;

    private LabelledSet(Recipe recipe) {
        this.random = new SplittableRandom(recipe.seed());
        this.vocabulary = words(VOCABULARY);
        this.zipf = zipf(VOCABULARY);
        for (int t = 0; t < TOPICS; t++) {
            topics.add(words(TOPIC_WORDS).stream().map(LabelledSet::capitalised).toList());
        }
        for (int f = 0; f < recipe.feeds(); f++) {
            feeds.add(new Feed(f, URI.create("https://outlet" + f + ".test/feed.xml"), "Outlet " + f));
        }
    }

    /** Generates the set; the same recipe always gives the same items in the same order. */
    static LabelledSet generate(Recipe recipe) {
        LabelledSet set = new LabelledSet(recipe);
        for (int s = 0; s < recipe.stories(); s++) {
            set.story(recipe);
        }
        set.items.sort((a, b) -> a.entry().published().compareTo(b.entry().published()));
        return set;
    }

    List<Feed> feeds() {
        return List.copyOf(feeds);
    }

    List<Item> items() {
        return List.copyOf(items);
    }

    private void story(Recipe recipe) {
        int topic = random.nextInt(TOPICS);
        Instant published = START.plusSeconds(random.nextLong(Duration.ofDays(30).toSeconds()));
        List<String> title = title(topic);
        List<List<String>> body = body(topic, 4 + random.nextInt(11));
        int story = nextStory++;
        Feed home = feeds.get(random.nextInt(feeds.size()));
        String slug = "/news/" + story + "-" + String.join("-", title.subList(0, 3)).toLowerCase();
        URI article = URI.create("https://" + home.url().getHost() + slug);
        add(home, story, Variant.ORIGINAL, home.index() + "-" + story, article, title, body, published);
        if (random.nextDouble() < recipe.copiedShare()) {
            copies(story, home, article, title, body, published);
        }
        if (random.nextDouble() < recipe.siblingShare()) {
            sibling(topic, title, body, published);
        }
    }

    private void copies(int story, Feed home, URI article, List<String> title, List<List<String>> body,
            Instant published) {
        int copies = 1 + random.nextInt(4);
        Set<Feed> used = new HashSet<>(Set.of(home));
        for (int c = 0; c < copies; c++) {
            Feed feed = feeds.get(random.nextInt(feeds.size()));
            if (!used.add(feed)) {
                continue;
            }
            Instant at = published.plusSeconds(60 + random.nextLong(Duration.ofHours(48).toSeconds()));
            Variant variant = Variant.values()[1 + random.nextInt(4)];
            String guid = "c" + feed.index() + "-" + story;
            URI own = URI.create("https://" + feed.url().getHost() + "/" + story + "/" + random.nextInt(1_000_000));
            switch (variant) {
                case LINK_VARIANT -> add(feed, story, variant, guid, linkVariant(article, feed), title,
                        random.nextBoolean() ? body : excerpt(body), at);
                case SYNDICATED -> add(feed, story, variant, guid, own, title, footer(body, feed), at);
                case EXCERPT -> add(feed, story, variant, guid, own, title, excerpt(body), at);
                case REWRITE -> add(feed, story, variant, guid, own, rewriteTitle(title), rewrite(body), at);
                case ORIGINAL -> throw new IllegalStateException();
            }
        }
    }

    /** A different story on the same topic, close in time, with a similar headline. */
    private void sibling(int topic, List<String> title, List<List<String>> body, Instant published) {
        int story = nextStory++;
        Feed feed = feeds.get(random.nextInt(feeds.size()));
        List<String> siblingTitle = new ArrayList<>(title);
        for (int i = 0; i < siblingTitle.size(); i++) {
            if (random.nextDouble() < 0.3) {
                siblingTitle.set(i, topicWord(topic));
            }
        }
        List<List<String>> siblingBody = body(topic, 3 + random.nextInt(8));
        if (random.nextBoolean()) {
            // Both stories quote the same statement: 12–24 words from inside the first story.
            List<String> source = body.get(1 + random.nextInt(body.size() - 1));
            int length = Math.min(source.size(), 12 + random.nextInt(13));
            int from = random.nextInt(source.size() - length + 1);
            List<String> quote = source.subList(from, from + length);
            List<String> paragraph = siblingBody.get(random.nextInt(Math.min(3, siblingBody.size())));
            paragraph.addAll(paragraph.size() / 2, List.copyOf(quote));
        }
        Instant at = published.plusSeconds(random.nextLong(-Duration.ofDays(3).toSeconds(), Duration.ofDays(3).toSeconds()));
        URI link = URI.create("https://" + feed.url().getHost() + "/news/" + story);
        add(feed, story, Variant.ORIGINAL, feed.index() + "-" + story, link, siblingTitle, siblingBody, at);
    }

    private void add(Feed feed, int story, Variant variant, String guid, URI link, List<String> title,
            List<List<String>> body, Instant published) {
        String html = html(body);
        items.add(new Item(feed, story, variant, new ParsedEntry(guid, link, sentence(title), null, html, null,
                published, null)));
    }

    private URI linkVariant(URI article, Feed feed) {
        String host = random.nextBoolean() ? "www." + article.getHost() : article.getHost();
        String scheme = random.nextBoolean() ? "http" : "https";
        String query = random.nextBoolean() ? "?utm_source=outlet" + feed.index() + "&utm_medium=rss" : "?fbclid=a" + random.nextInt(99999);
        String fragment = random.nextBoolean() ? "#comments" : "";
        String slash = random.nextBoolean() ? "/" : "";
        return URI.create(scheme + "://" + host + article.getPath() + slash + query + fragment);
    }

    private List<List<String>> excerpt(List<List<String>> body) {
        List<String> words = new ArrayList<>();
        body.forEach(words::addAll);
        List<String> cut = new ArrayList<>(words.subList(0, Math.min(words.size(), 25 + random.nextInt(36))));
        cut.add("[…]");
        return List.of(cut);
    }

    private List<List<String>> footer(List<List<String>> body, Feed feed) {
        List<List<String>> copy = new ArrayList<>(body);
        copy.add(List.of("The", "post", "appeared", "first", "on", "Outlet", String.valueOf(feed.index())));
        return copy;
    }

    /** Opening dropped or a dateline added, a quarter to all of the paragraphs kept, 5–10% of words replaced. */
    private List<List<String>> rewrite(List<List<String>> body) {
        int from = body.size() > 3 && random.nextDouble() < 0.3 ? 1 : 0;
        int keep = Math.max(2, (int) Math.ceil((body.size() - from) * (0.25 + 0.75 * random.nextDouble())));
        List<List<String>> kept = new ArrayList<>();
        double replace = 0.05 + 0.05 * random.nextDouble();
        for (List<String> paragraph : body.subList(from, Math.min(body.size(), from + keep))) {
            List<String> edited = new ArrayList<>(paragraph);
            for (int i = 0; i < edited.size(); i++) {
                if (random.nextDouble() < replace) {
                    edited.set(i, generalWord());
                }
            }
            kept.add(edited);
        }
        if (random.nextBoolean()) {
            kept.get(0).addAll(0, List.of(capitalised(generalWord()), "(Wire)", "—"));
        }
        if (random.nextDouble() < 0.3) {
            kept.add(List.of("Read", "more", "stories", "like", "this", "in", "our", "daily", "newsletter."));
        }
        return kept;
    }

    private List<String> rewriteTitle(List<String> title) {
        List<String> rewritten = new ArrayList<>();
        for (String word : title) {
            rewritten.add(random.nextDouble() < 0.6 ? generalWord() : word);
        }
        return rewritten;
    }

    private List<String> title(int topic) {
        List<String> title = new ArrayList<>();
        int length = 6 + random.nextInt(6);
        for (int i = 0; i < length; i++) {
            title.add(random.nextDouble() < 0.4 ? topicWord(topic) : random.nextDouble() < 0.3 ? stopWord() : generalWord());
        }
        return title;
    }

    private List<List<String>> body(int topic, int paragraphs) {
        List<List<String>> body = new ArrayList<>();
        for (int p = 0; p < paragraphs; p++) {
            List<String> paragraph = new ArrayList<>();
            int sentences = 2 + random.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                paragraph.addAll(sentenceWords(topic));
            }
            body.add(paragraph);
        }
        return body;
    }

    private List<String> sentenceWords(int topic) {
        List<String> words = new ArrayList<>();
        if (random.nextDouble() < 0.2) {
            words.addAll(List.of(STOCK_PHRASES[random.nextInt(STOCK_PHRASES.length)].split(" ")));
        }
        int length = 10 + random.nextInt(15);
        for (int i = 0; i < length; i++) {
            double r = random.nextDouble();
            words.add(r < 0.4 ? stopWord() : r < 0.6 ? topicWord(topic) : generalWord());
        }
        words.set(words.size() - 1, words.get(words.size() - 1) + ".");
        return words;
    }

    private String stopWord() {
        return STOP_WORDS[(int) Math.min(STOP_WORDS.length - 1, Math.abs(random.nextGaussian()) * 8)];
    }

    private String topicWord(int topic) {
        return topics.get(topic).get(random.nextInt(TOPIC_WORDS));
    }

    private String generalWord() {
        double r = random.nextDouble() * zipf[zipf.length - 1];
        int index = java.util.Arrays.binarySearch(zipf, r);
        return vocabulary.get(index >= 0 ? index : Math.min(-index - 1, vocabulary.size() - 1));
    }

    private List<String> words(int count) {
        Set<String> words = new java.util.LinkedHashSet<>();
        while (words.size() < count) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + random.nextInt(2);
            for (int s = 0; s < syllables; s++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            words.add(word.toString());
        }
        return List.copyOf(words);
    }

    /** Cumulative Zipf weights (rank^-1): the 10th word is ten times rarer than the first. */
    private static double[] zipf(int size) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        return cumulative;
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String sentence(List<String> words) {
        return String.join(" ", words);
    }

    private static String html(List<List<String>> body) {
        StringBuilder html = new StringBuilder();
        for (List<String> paragraph : body) {
            html.append("<p>").append(String.join(" ", paragraph)).append("</p>\n");
        }
        return html.toString();
    }
}
