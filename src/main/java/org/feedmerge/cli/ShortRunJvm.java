package org.feedmerge.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The JVM a one-shot {@code poll} runs in. A poll lasts seconds, and a JVM that lives that long
 * with the default tiered compilation spends much of its CPU in the C2 compiler, whose code it
 * barely gets to run: a warm poll of 2,000 feeds spent 45% of its CPU in the two JIT compilers, and
 * C1 alone ({@code -XX:TieredStopAtLevel=1}) made it a third faster (docs/performance.md).
 *
 * <p>So {@code java -jar feedmerge.jar poll ...}, started without any option that chooses how code
 * is compiled, runs itself again in a JVM with that flag: every argument passed on unchanged,
 * standard streams shared, the exit status returned, and a SIGTERM or SIGINT passed on (the child
 * ends as a poll started directly would). Only the one-shot poll: the daemon runs for months and
 * wants C2. An explicit compiler option, an argument file the launcher expands ({@code @file}), a
 * VM that is not HotSpot, or {@code -Dfeedmerge.relaunch=false} keeps the poll in the JVM it was
 * started in; the systemd poll unit and the README's cron line give the flag themselves.
 */
final class ShortRunJvm {

    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    /** The system property that, set to {@code false}, keeps the poll in the JVM it was started in. */
    static final String SWITCH = "feedmerge.relaunch";
    /** Environment variables the java launcher or the VM read options from. */
    private static final List<String> OPTION_VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");
    /** How long a stopped parent waits for the poll it started to end cleanly before killing it. */
    private static final long CHILD_STOP_SECONDS = 30;

    /** How this JVM was started: its binary, its arguments (after the binary), its environment and VM. */
    record Launch(String javaBinary, List<String> arguments, Map<String, String> environment, String vmName,
            String switchValue) {
        Launch {
            arguments = List.copyOf(arguments);
            environment = Map.copyOf(environment);
        }
    }

    private ShortRunJvm() {
    }

    /**
     * The command that runs the same poll in a C1-only JVM, or empty when this JVM should run it:
     * when it was not started as {@code java [options] -jar JAR ...}, or its options (on the command
     * line or in the launcher's environment variables) already choose how code is compiled.
     */
    static Optional<List<String>> relaunchCommand(Launch launch) {
        int jar = launch.arguments().indexOf("-jar");
        if ("false".equalsIgnoreCase(launch.switchValue()) || !launch.vmName().contains("Server VM") || jar < 0) {
            return Optional.empty();
        }
        List<String> options = new ArrayList<>(launch.arguments().subList(0, jar));
        for (String variable : OPTION_VARIABLES) {
            String value = launch.environment().get(variable);
            if (value != null) {
                options.addAll(Arrays.asList(value.trim().split("\\s+")));
            }
        }
        if (options.stream().anyMatch(ShortRunJvm::choosesCompilation)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(launch.arguments().size() + 2);
        command.add(launch.javaBinary());
        command.add(C1_ONLY);
        command.addAll(launch.arguments());
        return Optional.of(command);
    }

    /** An option that sets the compiler, or one that hides options from us (an argument or flags file). */
    private static boolean choosesCompilation(String option) {
        return option.startsWith("@") || option.equals("-Xint") || option.equals("-Xcomp") || option.equals("-Xmixed")
                || option.startsWith("-XX:") && (option.contains("Tiered") || option.contains("CompileThreshold")
                        || option.startsWith("-XX:Flags=") || option.startsWith("-XX:VMOptionsFile="));
    }

    /**
     * Runs the poll in a C1-only JVM when {@link #relaunchCommand} says so, and returns its exit
     * status; empty when this JVM should run the poll itself (also when the child cannot be started:
     * the poll is then only slower).
     */
    static OptionalInt pollInShortRunJvm() {
        Optional<List<String>> command = currentLaunch().flatMap(ShortRunJvm::relaunchCommand);
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        Process child;
        try {
            child = new ProcessBuilder(command.get()).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child), "feedmerge-stop-poll"));
        try {
            return OptionalInt.of(child.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(child);
            return OptionalInt.of(ExitCodes.FAILED);
        }
    }

    private static Optional<Launch> currentLaunch() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<String> binary = info.command();
        Optional<String[]> arguments = info.arguments();
        if (binary.isEmpty() || arguments.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Launch(binary.get(), List.of(arguments.get()), System.getenv(),
                System.getProperty("java.vm.name", ""), System.getProperty(SWITCH)));
    }

    /** SIGTERM, as a stop of the parent meant for the poll; a poll that does not end in time is killed. */
    private static void stop(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            if (!child.waitFor(CHILD_STOP_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroyForcibly();
        }
    }
}
