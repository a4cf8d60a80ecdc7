package org.feedmerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
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
 * the same exit status, and stopping (or killing) the process cron started stops the poll.
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
    /** The feed's answer waits for this, so the test can look at the processes while the poll runs. */
    private final CountDownLatch answer = new CountDownLatch(1);
    private final CountDownLatch asked = new CountDownLatch(1);
    private Process poll;

    @BeforeEach
    void setUp() throws Exception {
        assertThat(JAR).as("run mvn package first").exists();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void tearDown() throws Exception {
        answer.countDown();
        if (poll != null) {
            poll.descendants().forEach(ProcessHandle::destroyForcibly);
            poll.destroyForcibly();
        }
        server.close();
    }

    @Test
    void aPollStartedWithoutACompilerOptionRunsInAC1OnlyJvmWithTheSameOutputAndExitStatus() throws Exception {
        answerWith(new MockResponse.Builder().code(404).build());
        poll = start(List.of("-Xmx256m"));

        awaitRequest();
        List<String> child = onlyChild(poll).info().arguments().map(List::of).orElseThrow();
        answer.countDown();
        assertThat(poll.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(child).startsWith(ShortRunJvm.C1_ONLY).contains("-Xmx256m", "-jar", "poll", "--config");
        assertThat(poll.exitValue()).as("every feed failed: the child's status").isEqualTo(ExitCodes.FAILED);
        assertThat(Files.readString(dir.resolve("stdout"))).contains("polled 1 feeds: 0 ok, 1 failed");
    }

    @Test
    void aPollGivenACompilerOptionRunsInTheJvmItWasStartedIn() throws Exception {
        answerWith(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/rss+xml").body(RSS)
                .build());
        poll = start(List.of("-XX:TieredStopAtLevel=1"));

        awaitRequest();
        long children = poll.children().count();
        answer.countDown();
        assertThat(poll.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(children).isZero();
        assertThat(poll.exitValue()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(dir.resolve("stdout"))).contains("polled 1 feeds: 1 ok, 0 failed, 1 new entries");
    }

    @Test
    void aSigtermToTheStartedProcessStopsThePollItsC1JvmRuns() throws Exception {
        ProcessHandle child = childPollingAFeedThatDoesNotAnswer();

        poll.destroy(); // SIGTERM, as systemd or a cron timeout sends it

        // Well before the fetch's 30 s read timeout would end the poll on its own.
        assertThat(poll.waitFor(20, TimeUnit.SECONDS)).as("the started process ended").isTrue();
        assertThat(child.onExit().get(20, TimeUnit.SECONDS).isAlive()).as("and the poll with it").isFalse();
    }

    @Test
    void killingTheStartedProcessOutrightEndsThePollToo() throws Exception {
        ProcessHandle child = childPollingAFeedThatDoesNotAnswer();

        poll.destroyForcibly(); // SIGKILL: no shutdown hook runs in the started process

        assertThat(child.onExit().get(20, TimeUnit.SECONDS).isAlive()).as("the poll, orphaned, ended").isFalse();
    }

    /** Starts the poll without the flag and returns its C1 child, waiting for the feed's answer. */
    private ProcessHandle childPollingAFeedThatDoesNotAnswer() throws Exception {
        answerWith(new MockResponse.Builder().code(200).body(RSS).build());
        poll = start(List.of());
        awaitRequest();
        return onlyChild(poll);
    }

    private void answerWith(MockResponse response) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                asked.countDown();
                answer.await(60, TimeUnit.SECONDS);
                return response;
            }
        });
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
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile());
        List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS").forEach(builder.environment()::remove);
        return builder.start();
    }

    private void awaitRequest() throws Exception {
        assertThat(asked.await(60, TimeUnit.SECONDS))
                .as("the poll fetched the feed; stderr: %s", Files.readString(dir.resolve("stderr"))).isTrue();
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
