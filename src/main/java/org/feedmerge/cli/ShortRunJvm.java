package org.feedmerge.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The JVM a one-shot {@code poll} runs in. A poll lasts seconds, and a JVM that lives that long
 * with the default tiered compilation spends much of its CPU in the C2 compiler, whose code it
 * barely gets to run: a warm poll of 2,000 feeds spent 45% of its CPU in the two JIT compilers, and
 * C1 alone ({@code -XX:TieredStopAtLevel=1}) made it a third faster (docs/performance.md).
 *
 * <p>So {@code java -jar feedmerge.jar poll ...} runs itself again in a JVM with that flag: every
 * argument passed on unchanged, standard streams shared, the exit status returned, a SIGTERM or
 * SIGINT passed on (the child ends as a poll started directly would), and the child ends too when
 * the first JVM is killed outright. Only when that is safe: the JVM options before {@code -jar} are
 * all ones a second JVM may repeat (heap and stack sizes, system properties, a collector; not a
 * debugger, JMX port, agent, log or recording file, which only one process can have), none of the
 * launcher's option variables is set ({@code JDK_JAVA_OPTIONS}, {@code JAVA_TOOL_OPTIONS},
 * {@code _JAVA_OPTIONS}), the VM is HotSpot, and {@code -Dfeedmerge.relaunch=false} is not given.
 * Only the one-shot poll: the daemon runs for months and wants C2. The systemd poll unit and the
 * README's cron line give the flag themselves, so they run in one JVM.
 */
final class ShortRunJvm {

    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    /** The system property that, set to {@code false}, keeps the poll in the JVM it was started in. */
    static final String SWITCH = "feedmerge.relaunch";
    /** The system property naming, in the child, the pid of the JVM that started it. */
    static final String PARENT = "feedmerge.parent";
    /** Environment variables the java launcher or the VM read options from. */
    private static final List<String> OPTION_VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");
    /** Options a second JVM may repeat as they are, besides sizes and system properties. */
    private static final Set<String> REPEATABLE = Set.of("-XX:+ExitOnOutOfMemoryError",
            "-XX:+CrashOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:+UseParallelGC", "-XX:+UseG1GC", "-ea", "-da",
            "-esa", "-dsa", "-server", "-Xshare:auto");
    private static final List<String> REPEATABLE_PREFIXES = List.of("-Xmx", "-Xms", "-Xss", "-Xmn",
            "-XX:MaxRAMPercentage=", "-XX:InitialRAMPercentage=", "-XX:MinRAMPercentage=", "-XX:MaxMetaspaceSize=",
            "-XX:MaxDirectMemorySize=");
    /** How long a stopped parent waits for the poll it started to end cleanly before killing it. */
    private static final long CHILD_STOP_SECONDS = 30;
    /** The child's exit status when the JVM that started it is gone (128 + SIGTERM, as if stopped). */
    private static final int PARENT_GONE = 143;

    /** How this JVM was started: its pid and binary, its arguments (after the binary), environment and VM. */
    record Launch(long pid, String javaBinary, List<String> arguments, Map<String, String> environment,
            String vmName, String switchValue) {
        Launch {
            arguments = List.copyOf(arguments);
            environment = Map.copyOf(environment);
        }
    }

    private ShortRunJvm() {
    }

    /**
     * The command that runs the same poll in a C1-only JVM, or empty when this JVM should run it:
     * when it was not started as {@code java [options] -jar JAR ...}, or not every option is safe to
     * repeat in a second JVM (an option that chooses the compiler is not, by design), or an option
     * variable is set.
     */
    static Optional<List<String>> relaunchCommand(Launch launch) {
        int jar = launch.arguments().indexOf("-jar");
        if ("false".equalsIgnoreCase(launch.switchValue()) || !launch.vmName().contains("Server VM") || jar < 0
                || OPTION_VARIABLES.stream().anyMatch(launch.environment()::containsKey)
                || !launch.arguments().subList(0, jar).stream().allMatch(ShortRunJvm::repeatable)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(launch.arguments().size() + 3);
        command.add(launch.javaBinary());
        command.add(C1_ONLY);
        command.add("-D" + PARENT + "=" + launch.pid());
        command.addAll(launch.arguments());
        return Optional.of(command);
    }

    private static boolean repeatable(String option) {
        if (option.startsWith("-D")) {
            return !option.startsWith("-Dcom.sun.management.") && !option.startsWith("-D" + PARENT + "=");
        }
        return REPEATABLE.contains(option) || REPEATABLE_PREFIXES.stream().anyMatch(option::startsWith);
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
        AtomicReference<Process> child = new AtomicReference<>();
        // Before the child exists: a SIGTERM that comes while it starts still reaches it (the hook
        // waits on the lock until start() has returned).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child), "feedmerge-stop-poll"));
        try {
            synchronized (child) {
                child.set(new ProcessBuilder(command.get()).inheritIO().start());
            }
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(child.get().waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(child);
            return OptionalInt.of(ExitCodes.FAILED);
        }
    }

    /**
     * In a child started by {@link #pollInShortRunJvm}: ends this JVM (shutdown hooks and all) when
     * the JVM that started it is gone, e.g. killed with SIGKILL, which gives it no chance to pass
     * anything on; a poll nobody waits for should not keep the database's writer lock.
     */
    static void endWithParent() {
        String parent = System.getProperty(PARENT);
        if (parent == null) {
            return;
        }
        Optional<ProcessHandle> handle;
        try {
            handle = ProcessHandle.of(Long.parseLong(parent));
        } catch (NumberFormatException e) {
            return;
        }
        if (handle.isEmpty()) {
            System.exit(PARENT_GONE);
        }
        handle.get().onExit().thenRun(() -> System.exit(PARENT_GONE));
    }

    private static Optional<Launch> currentLaunch() {
        ProcessHandle self = ProcessHandle.current();
        Optional<String> binary = self.info().command();
        Optional<String[]> arguments = self.info().arguments();
        if (binary.isEmpty() || arguments.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Launch(self.pid(), binary.get(), List.of(arguments.get()), System.getenv(),
                System.getProperty("java.vm.name", ""), System.getProperty(SWITCH)));
    }

    /** SIGTERM, as a stop of the parent meant for the poll; a poll that does not end in time is killed. */
    private static void stop(AtomicReference<Process> started) {
        Process child;
        synchronized (started) {
            child = started.get();
        }
        if (child == null || !child.isAlive()) {
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
