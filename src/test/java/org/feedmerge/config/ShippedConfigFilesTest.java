package org.feedmerge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file the project ships in {@code config/} must load exactly as the daemon will load it. */
class ShippedConfigFilesTest {
    /** Maven runs tests with the project root as working directory. */
    private static final Path CONFIG_DIR = Path.of("config");

    static Stream<Path> shippedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(CONFIG_DIR)) {
            List<Path> regular = files.filter(Files::isRegularFile).sorted().toList();
            assertThat(regular).as("files in " + CONFIG_DIR.toAbsolutePath()).isNotEmpty();
            return regular.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedFiles")
    void loads(Path file) throws Exception {
        String name = file.getFileName().toString();
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            new ConfigLoader().load(file);
        } else if (name.endsWith(".xml")) {
            assertLogbackAccepts(file);
        } else {
            fail("no loader known for shipped file " + file + "; teach this test how the daemon reads it");
        }
    }

    @Test
    void shipsASafeAndPoliteFeedmergeYaml() throws Exception {
        FeedmergeConfig config = new ConfigLoader().load(CONFIG_DIR.resolve("feedmerge.yaml"));

        assertThat(config.server()).isEqualTo(new ServerConfig("127.0.0.1", 8080));
        assertThat(config.storage().databasePath()).isEqualTo(Path.of("data/feedmerge.db"));
        assertThat(config.poll().defaultInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.feeds()).hasSizeBetween(5, 8)
                .allSatisfy(feed -> assertThat(feed.url().getScheme()).isEqualTo("https"))
                .allSatisfy(feed -> assertThat(feed.intervalOr(config.poll().defaultInterval()))
                        .isGreaterThanOrEqualTo(Duration.ofMinutes(30)));
        assertThat(config.output().link()).isEqualTo(URI.create("http://localhost:8080/"));
    }

    private static void assertLogbackAccepts(Path file) throws Exception {
        LoggerContext context = new LoggerContext();
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(file.toFile());
            assertThat(context.getStatusManager().getCopyOfStatusList())
                    .filteredOn(status -> status.getLevel() >= Status.WARN)
                    .as("logback warnings and errors for " + file)
                    .isEmpty();
        } finally {
            context.stop();
        }
    }
}
