package org.feedmerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShortRunJvmTest {
    private static final long PID = 4242;
    private static final String JAVA = "/usr/lib/jvm/java-17/bin/java";
    private static final String HOTSPOT = "OpenJDK 64-Bit Server VM";
    private static final List<String> POLL = List.of("-jar", "/opt/feedmerge/feedmerge.jar", "poll", "--config", "f.yaml");

    @ParameterizedTest
    @ValueSource(strings = {"", "-Xmx256m", "-Xmx256m -XX:+ExitOnOutOfMemoryError -Dx=y",
        "-Xms64m -Xss1m -XX:MaxRAMPercentage=50 -XX:+UseSerialGC -ea -Dfile.encoding=UTF-8"})
    void aJarStartedWithOptionsASecondJvmMayRepeatRunsAgainWithC1OnlyAndEveryArgumentUnchanged(String options) {
        List<String> arguments = Stream.concat(split(options).stream(), POLL.stream()).toList();

        List<String> command = ShortRunJvm.relaunchCommand(launch(arguments, Map.of(), HOTSPOT, null)).orElseThrow();

        assertThat(command.subList(0, 3)).containsExactly(JAVA, ShortRunJvm.C1_ONLY, "-Dfeedmerge.parent=" + PID);
        assertThat(command.subList(3, command.size())).isEqualTo(arguments);
    }

    static Stream<Arguments> runsWhereItWasStarted() {
        return Stream.of(
                Arguments.of("the C1 flag given", List.of("-XX:TieredStopAtLevel=1"), Map.of(), HOTSPOT, null),
                Arguments.of("tiered compilation off", List.of("-XX:-TieredCompilation"), Map.of(), HOTSPOT, null),
                Arguments.of("a compilation mode", List.of("-XX:CompilationMode=quick-only"), Map.of(), HOTSPOT, null),
                Arguments.of("interpreter only", List.of("-Xint"), Map.of(), HOTSPOT, null),
                Arguments.of("a debugger's port", List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005"),
                        Map.of(), HOTSPOT, null),
                Arguments.of("a Java agent", List.of("-javaagent:/opt/exporter.jar=9404:config.yaml"), Map.of(),
                        HOTSPOT, null),
                Arguments.of("a JMX port", List.of("-Dcom.sun.management.jmxremote.port=9010"), Map.of(), HOTSPOT, null),
                Arguments.of("a flight recording", List.of("-XX:StartFlightRecording=filename=poll.jfr"), Map.of(),
                        HOTSPOT, null),
                Arguments.of("a GC log file", List.of("-Xlog:gc:file=gc.log"), Map.of(), HOTSPOT, null),
                Arguments.of("a CDS archive written at exit", List.of("-XX:ArchiveClassesAtExit=app.jsa"), Map.of(),
                        HOTSPOT, null),
                Arguments.of("an argument file", List.of("@jvm.options"), Map.of(), HOTSPOT, null),
                Arguments.of("options in JDK_JAVA_OPTIONS", List.of(), Map.of("JDK_JAVA_OPTIONS", "-Xmx1g"), HOTSPOT, null),
                Arguments.of("options in JAVA_TOOL_OPTIONS", List.of(), Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g"), HOTSPOT,
                        null),
                Arguments.of("options in _JAVA_OPTIONS", List.of(), Map.of("_JAVA_OPTIONS", ""), HOTSPOT, null),
                Arguments.of("a child already", List.of("-Dfeedmerge.parent=17"), Map.of(), HOTSPOT, null),
                Arguments.of("switched off", List.of(), Map.of(), HOTSPOT, "false"),
                Arguments.of("not HotSpot", List.of(), Map.of(), "Eclipse OpenJ9 VM", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runsWhereItWasStarted")
    void aPollRunsInTheJvmItWasStartedInUnlessEveryOptionIsSafeToRepeatInASecondJvm(String why, List<String> options,
            Map<String, String> environment, String vmName, String switchValue) {
        List<String> arguments = Stream.concat(options.stream(), POLL.stream()).toList();

        assertThat(ShortRunJvm.relaunchCommand(launch(arguments, environment, vmName, switchValue))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-cp target/classes org.feedmerge.cli.FeedmergeCommand poll",
        "-XX:TieredStopAtLevel=1 -jar feedmerge.jar poll"})
    void onlyAJarStartedWithoutTheFlagIsStartedAgain(String arguments) {
        assertThat(ShortRunJvm.relaunchCommand(launch(split(arguments), Map.of(), HOTSPOT, null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", ""})
    void anyOtherValueOfTheSwitchLeavesTheRelaunchOn(String switchValue) {
        assertThat(ShortRunJvm.relaunchCommand(launch(POLL, Map.of(), HOTSPOT, switchValue))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-XX:TieredStopAtLevel=1", "-Xint", "-agentlib:jdwp=address=5005"})
    void optionsAfterTheJarAreTheProgramsNotTheJvms(String programArgument) {
        List<String> arguments = Stream.concat(POLL.stream(), Stream.of(programArgument)).toList();

        assertThat(ShortRunJvm.relaunchCommand(launch(arguments, Map.of(), HOTSPOT, null))).isPresent();
    }

    private static ShortRunJvm.Launch launch(List<String> arguments, Map<String, String> environment, String vmName,
            String switchValue) {
        return new ShortRunJvm.Launch(PID, JAVA, arguments, environment, vmName, switchValue);
    }

    private static List<String> split(String options) {
        return options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }
}
