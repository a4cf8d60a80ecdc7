package org.feedmerge.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every fixture, cut short and corrupted in deterministic random ways, still comes back as a
 * ParsedFeed or a one-line FeedParseException: nothing else escapes parse().
 */
class FeedParserMutationTest {
    private static final int MUTATIONS_PER_FIXTURE = 12;
    private static final byte[][] INSERTS = {
            "<".getBytes(StandardCharsets.UTF_8), "&".getBytes(StandardCharsets.UTF_8), {0},
            "\uFEFF".getBytes(StandardCharsets.UTF_8), "]]>".getBytes(StandardCharsets.UTF_8),
            "<!DOCTYPE x [<!ENTITY a \"b\">]>".getBytes(StandardCharsets.UTF_8), {(byte) 0xC3},
            "\"}]".getBytes(StandardCharsets.UTF_8), "</item>".getBytes(StandardCharsets.UTF_8)};

    private final FeedParser parser = new FeedParser();

    @Test
    void mutatedFixturesParseOrFailCleanly() throws Exception {
        Random random = new Random(20240501L);
        List<String> escaped = new ArrayList<>();
        int parsed = 0;
        int rejected = 0;
        for (Path fixture : fixtures()) {
            byte[] original = Files.readAllBytes(fixture);
            for (int i = 0; i < MUTATIONS_PER_FIXTURE; i++) {
                byte[] mutated = mutate(original, random);
                try {
                    String rejection = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> rejection(mutated));
                    if (rejection == null) {
                        parsed++;
                    } else {
                        assertThat(rejection).isNotBlank().doesNotContain("\n");
                        rejected++;
                    }
                } catch (RuntimeException e) {
                    escaped.add(fixture.getFileName() + " #" + i + ": " + e);
                }
            }
        }
        System.out.println("mutated fixtures parsed / rejected: " + parsed + " / " + rejected);
        assertThat(escaped).isEmpty();
    }

    /** Null when the document parsed, else the FeedParseException's message. */
    private String rejection(byte[] body) {
        try {
            parser.parse(body, "text/xml", Fixtures.FEED_URL);
            return null;
        } catch (FeedParseException e) {
            return e.getMessage();
        }
    }

    private static byte[] mutate(byte[] original, Random random) {
        if (original.length == 0) {
            return INSERTS[random.nextInt(INSERTS.length)];
        }
        int at = random.nextInt(original.length);
        return switch (random.nextInt(4)) {
            case 0 -> Arrays.copyOf(original, at);
            case 1 -> {
                byte[] flipped = original.clone();
                flipped[at] = (byte) random.nextInt(256);
                yield flipped;
            }
            case 2 -> insert(original, at, INSERTS[random.nextInt(INSERTS.length)]);
            default -> insert(original, at, Arrays.copyOfRange(original, at / 2, at));
        };
    }

    private static byte[] insert(byte[] original, int at, byte[] inserted) {
        byte[] out = new byte[original.length + inserted.length];
        System.arraycopy(original, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(original, at, out, at + inserted.length, original.length - at);
        return out;
    }

    private static List<Path> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(FeedParserMutationTest.class.getResource("/feeds").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
