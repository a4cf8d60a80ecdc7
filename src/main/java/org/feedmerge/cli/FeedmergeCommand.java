package org.feedmerge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.feedmerge.store.StoreException;
import org.feedmerge.store.WriterLock;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The {@code feedmerge} command line: entry point of the jar. */
@Command(name = "feedmerge",
        mixinStandardHelpOptions = true,
        versionProvider = FeedmergeCommand.Version.class,
        description = "Merges many RSS/Atom feeds into one and serves it as RSS 2.0 and Atom 1.0.",
        subcommands = {RunCommand.class, PollCommand.class, StatusCommand.class, CheckConfigCommand.class})
public final class FeedmergeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("poll")) {
            ShortRunJvm.endWithParent();
            OptionalInt relaunched = ShortRunJvm.pollInShortRunJvm();
            if (relaunched.isPresent()) {
                System.exit(relaunched.getAsInt());
            }
        }
        useLogbackConfigBesideConfigFile(args);
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests run it in-process. */
    static CommandLine commandLine() {
        return new CommandLine(new FeedmergeCommand()).setExecutionExceptionHandler(FeedmergeCommand::databaseUnusable);
    }

    /**
     * A database that another process is writing (exit 75) or whose lock this user may not take
     * (77), or that cannot be opened or written (a folder that cannot be made, a full disk, a
     * corrupt file: 1), ends the command with one line on standard error, as a cron mail or the
     * journal should show it. A stack trace is logged at DEBUG only: the shipped Logback config
     * logs to standard output, which is where {@code status --json} writes its document and what a
     * cron mail shows. Anything else is a bug and keeps picocli's default (the stack trace on
     * standard error).
     */
    private static int databaseUnusable(Exception failure, CommandLine command, CommandLine.ParseResult parsed)
            throws Exception {
        int status;
        if (failure instanceof WriterLock.Unavailable refused) {
            status = ExitCodes.of(refused);
        } else if (failure instanceof StoreException) {
            LoggerFactory.getLogger(FeedmergeCommand.class).debug("{} failed", command.getCommandName(), failure);
            status = ExitCodes.FAILED;
        } else {
            throw failure;
        }
        command.getErr().println("feedmerge " + command.getCommandName() + ": " + failure.getMessage());
        return status;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: run, poll, status or check-config");
    }

    /**
     * Points Logback at {@code logback.xml} in the config file's folder unless told otherwise. Must
     * run before the first logger is created, hence before picocli parses anything.
     */
    private static void useLogbackConfigBesideConfigFile(String[] args) {
        if (System.getProperty("logback.configurationFile") != null) {
            return;
        }
        Path config = Path.of(ConfigOption.DEFAULT_PATH);
        for (int i = 0; i < args.length; i++) {
            if ((args[i].equals("-c") || args[i].equals("--config")) && i + 1 < args.length) {
                config = Path.of(args[i + 1]);
            } else if (args[i].startsWith("--config=")) {
                config = Path.of(args[i].substring("--config=".length()));
            }
        }
        Path parent = config.toAbsolutePath().getParent();
        Path logback = parent == null ? null : parent.resolve("logback.xml");
        if (logback != null && Files.isReadable(logback)) {
            System.setProperty("logback.configurationFile", logback.toString());
        }
    }

    /** The version from the jar manifest ({@code Implementation-Version}). */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = FeedmergeCommand.class.getPackage().getImplementationVersion();
            return new String[] {"feedmerge " + (version == null ? "(development build)" : version)};
        }
    }
}
