package org.feedmerge.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedmerge.publish.Entries.OUTPUT;
import static org.feedmerge.publish.Entries.T0;
import static org.feedmerge.publish.Entries.entry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact bytes of both documents for a handful of quirky entries, so that any change in
 * output shows up in review and output cannot drift with the JVM's locale or time zone. After an
 * intended change, copy the file the failure names over the fixture.
 */
class FeedFixturesTest {

    private static final FeedSnapshot SNAPSHOT = FeedSnapshot.of(List.of(
            entry(3).title("Fish & <Chips> \uD83C\uDF89").author("jane@example.com (Jane)")
                    .updated(T0.plusSeconds(5 * 3600)).build(),
            entry(2).publicId("42 (no scheme)").link(null).summary(null).build(),
            entry(1).publicId("42 (no scheme)").title(null).summary(null).content(null).author(null).build()),
            Instant.parse("2024-01-01T00:00:00Z"));

    @Test
    void rssMatchesTheFixture() throws IOException {
        byte[] rss = new RssFeedWriter(OUTPUT, URI.create("https://news.example.org/feed.xml")).write(SNAPSHOT);

        assertMatchesFixture("rss-quirky-entries.xml", rss);
    }

    @Test
    void atomMatchesTheFixture() throws IOException {
        byte[] atom = new AtomFeedWriter(OUTPUT, URI.create("https://news.example.org/feed.atom")).write(SNAPSHOT);

        assertMatchesFixture("atom-quirky-entries.xml", atom);
    }

    @Test
    void outputDoesNotDependOnTheDefaultLocaleOrTimeZone() throws IOException {
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            rssMatchesTheFixture();
            atomMatchesTheFixture();
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    private static void assertMatchesFixture(String name, byte[] actual) throws IOException {
        byte[] expected;
        try (InputStream in = FeedFixturesTest.class.getResourceAsStream("/publish/" + name)) {
            expected = in == null ? new byte[0] : in.readAllBytes();
        }
        if (!Arrays.equals(expected, actual)) {
            Path written = Files.createDirectories(Path.of("target", "publish-actual")).resolve(name);
            Files.write(written, actual);
            assertThat(actual).as("differs from src/test/resources/publish/%s; actual output in %s", name, written)
                    .isEqualTo(expected);
        }
    }
}
