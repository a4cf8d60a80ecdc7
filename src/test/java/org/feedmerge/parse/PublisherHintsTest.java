package org.feedmerge.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RSS ttl/skipHours/skipDays and sy:* into PublisherHints; garbage values are ignored, not fatal. */
class PublisherHintsTest {

    @Test
    void everyHintIsRead() throws Exception {
        assertThat(Fixtures.parse("rss-publisher-hints.xml").hints()).isEqualTo(new PublisherHints(
                Duration.ofMinutes(90), Duration.ofHours(6), Set.of(0, 1, 23),
                Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)));
    }

    @Test
    void garbageValuesAreIgnoredAndTheFeedStillParses() throws Exception {
        ParsedFeed feed = Fixtures.parse("rss-publisher-hints-garbage.xml");

        assertThat(feed.hints()).isEqualTo(new PublisherHints(null, null, Set.of(13), Set.of(DayOfWeek.MONDAY)));
        assertThat(feed.entries()).extracting(ParsedEntry::guid).containsExactly("g-1");
    }

    @Test
    void atomFeedsCarrySyndicationHintsTooWithPeriodDefaultingToDaily() throws Exception {
        assertThat(Fixtures.parse("atom-syndication-hints.xml").hints())
                .isEqualTo(new PublisherHints(null, Duration.ofHours(12), Set.of(), Set.of()));
    }

    @Test
    void feedsWithoutHintsHaveNone() throws Exception {
        assertThat(Fixtures.parse("rss-2.0.xml").hints()).isEqualTo(PublisherHints.NONE);
    }

    @ParameterizedTest(name = "ttl={0} period={1} frequency={2}")
    @CsvSource(nullValues = "NULL", value = {
            "60,     NULL,     NULL, PT1H,   NULL",
            "' 15 ', NULL,     NULL, PT15M,  NULL",
            "0,      NULL,     NULL, NULL,   NULL",
            "-5,     NULL,     NULL, NULL,   NULL",
            "1.5,    NULL,     NULL, NULL,   NULL",
            "99999999999, NULL, NULL, NULL,  NULL",
            "NULL,   hourly,   NULL, NULL,   PT1H",
            "NULL,   HOURLY,   2,    NULL,   PT30M",
            "NULL,   weekly,   7,    NULL,   PT24H",
            "NULL,   monthly,  1,    NULL,   PT720H",
            "NULL,   yearly,   NULL, NULL,   PT8760H",
            "NULL,   NULL,     24,   NULL,   PT1H",
            "NULL,   daily,    zero, NULL,   PT24H",
            "NULL,   sometimes, 2,   NULL,   NULL"})
    void ttlAndSyndicationPeriod(String ttl, String period, String frequency, String expectedTtl, String expectedPeriod)
            throws Exception {
        String document = "<rss version=\"2.0\" xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"><channel>"
                + "<title>t</title>" + element("ttl", ttl) + element("sy:updatePeriod", period)
                + element("sy:updateFrequency", frequency) + "</channel></rss>";

        PublisherHints hints = new FeedParser().parse(document.getBytes(), null, null).hints();

        assertThat(hints.ttl()).isEqualTo(expectedTtl == null ? null : Duration.parse(expectedTtl));
        assertThat(hints.syndicationPeriod()).isEqualTo(expectedPeriod == null ? null : Duration.parse(expectedPeriod));
    }

    private static String element(String name, String value) {
        return value == null ? "" : "<" + name + ">" + value + "</" + name + ">";
    }
}
