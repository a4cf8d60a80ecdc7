package org.feedmerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's one-shot poll started as a cron line without the compiler flag: it runs in a
 * second, C1-only JVM ({@link ShortRunJvm}) and nothing else shows from outside: the same output,
 * the same exit status, and a SIGTERM to the process cron started stops the poll.
 */
class ShortRunJvmIT {
    private static final Path JAR = Path.of("target", "feedmerge.jar");
    private static final String RSS = """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>t</title><link>https://example.org/</link>
            <item><guid>a</guid><title>One</title><link>https://example.org/a</link></item>
            </channel></rss>""";

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private Process poll;

    @BeforeEach
    void setUp() throws Exception {
        assertThat(JAR).as("run mvn package first").exists();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (poll != null) {
            poll.descendants().forEach(ProcessHandle::destroyForcibly);
            poll.destroyForcibly();
        }
        server.close();
    }

    @Test
    void aPollStartedWithoutACompilerOptionRunsInAC1OnlyJvmWithTheSameOutputAndExitStatus() throws Exception {
        server.enqueue(new MockResponse.Builder().code(404).headersDelay(1, TimeUnit.SECONDS).build());
        poll = start(List.of());

        awaitRequest();
        List<String> child = onlyChild(poll).info().arguments().map(List::of).orElseThrow();
        assertThat(poll.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(child).startsWith(ShortRunJvm.C1_ONLY).contains("-jar", "poll", "--config");
        assertThat(poll.exitValue()).as("every feed failed: the child's status").isEqualTo(ExitCodes.FAILED);
        assertThat(Files.readString(dir.resolve("stdout"))).contains("polled 1 feeds: 0 ok, 1 failed");
    }

    @Test
    void aPollGivenACompilerOptionRunsInTheJvmItWasStartedIn() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/rss+xml")
                .body(RSS).headersDelay(1, TimeUnit.SECONDS).build());
        poll = start(List.of("-XX:TieredStopAtLevel=1"));

        awaitRequest();
        long children = poll.children().count();
        assertThat(poll.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(children).isZero();
        assertThat(poll.exitValue()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(dir.resolve("stdout"))).contains("polled 1 feeds: 1 ok, 0 failed, 1 new entries");
    }

    @Test
    void aSigtermToTheStartedProcessStopsThePollItsC1JvmRuns() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body(RSS).headersDelay(60, TimeUnit.SECONDS).build());
        poll = start(List.of());
        awaitRequest();
        ProcessHandle child = onlyChild(poll);

        poll.destroy(); // SIGTERM, as systemd or a cron timeout sends it

        // Well before the fetch's 30 s read timeout would end the poll on its own.
        assertThat(poll.waitFor(20, TimeUnit.SECONDS)).as("the started process ended").isTrue();
        assertThat(child.onExit().get(20, TimeUnit.SECONDS).isAlive()).as("and the poll with it").isFalse();
    }

    private Process start(List<String> jvmOptions) throws Exception {
        Path config = Files.writeString(dir.resolve("feedmerge.yaml"), """
                storage:
                  database: %s
                feeds:
                  - url: %s
                """.formatted(dir.resolve("feedmerge.db"), server.url("/feed.xml")));
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString(), "poll", "--config", config.toString()));
        return new ProcessBuilder(command).redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile()).start();
    }

    private void awaitRequest() throws Exception {
        RecordedRequest request = server.takeRequest(60, TimeUnit.SECONDS);
        assertThat(request).as("the poll fetched the feed; stderr: %s", Files.readString(dir.resolve("stderr")))
                .isNotNull();
    }

    private static ProcessHandle onlyChild(Process parent) {
        Optional<ProcessHandle> child = parent.children().findFirst();
        assertThat(child).as("a child process").isPresent();
        assertThat(parent.children().count()).isEqualTo(1);
        return child.get();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
