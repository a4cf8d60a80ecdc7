package org.feedmerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands run in-process one after another, as CommandLineIT runs them. A command whose config
 * is refused returns without {@link LoggingStartup#awaitReady()}, leaving SLF4J's initialisation
 * running on its thread; the next command's {@code LoggingStartup} then gets SLF4J's stand-in
 * factory at once ({@code getILoggerFactory()} does not wait for an initialisation in progress on
 * another thread), its awaitReady returns early, and the pipeline's static loggers are created as
 * SLF4J substitute loggers (whatever they log before initialisation ends is queued and replayed
 * with an "SLF4J(W): A number (n) of logging calls during the initialization phase..." warning on
 * stderr). Needs a JVM in which SLF4J has not started yet, hence the child process.
 */
class LoggingStartupTest {

    @TempDir
    Path dir;

    @Test
    void aCommandAfterARefusedConfigGetsRealLoggers() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "storage:\n  database: " + dir.resolve("bad.db") + "\nfeeds:\n  - url: not a url\n");
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "storage:\n  database: " + dir.resolve("good.db") + "\nfeeds: []\n");
        Path output = dir.resolve("child.out");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TwoCommands.class.getName(), bad.toString(),
                good.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);

        assertThat(lines).as("child output").contains("exit codes 78 0");
        assertThat(lines).as("child output").contains("Pipeline.LOG is ch.qos.logback.classic.Logger");
    }

    /** The child: a refused config, then a one-shot poll, in one JVM. */
    public static final class TwoCommands {
        public static void main(String[] args) throws Exception {
            int refused = FeedmergeCommand.commandLine().execute("run", "--config", args[0]);
            int polled = FeedmergeCommand.commandLine().execute("poll", "--config", args[1]);
            System.out.println("exit codes " + refused + " " + polled);
            Field log = Pipeline.class.getDeclaredField("LOG");
            log.setAccessible(true);
            System.out.println("Pipeline.LOG is " + log.get(null).getClass().getName());
        }
    }
}
