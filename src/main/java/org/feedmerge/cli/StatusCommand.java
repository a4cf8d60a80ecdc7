package org.feedmerge.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.feedmerge.config.FeedmergeConfig;
import org.feedmerge.publish.StatusDocument;
import org.feedmerge.store.EntryStore;
import org.feedmerge.publish.StatusJson;
import org.feedmerge.store.Database;
import org.feedmerge.store.FeedStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code feedmerge status}: every configured feed's polling state, read from the database the
 * config names. Safe while the daemon runs (SQLite WAL); never creates or migrates a database
 * (an older one is reported as such: the daemon using it may be of that older version).
 */
@Command(name = "status",
        description = {"Show each configured feed's polling state from the database: last status and error,",
            "consecutive failures, last success, next poll and the rule that decided it, moves and retirement."})
final class StatusCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--json", description = "Print the JSON document the daemon serves at /status.json.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<FeedmergeConfig> loaded = config.loadOrReport(spec.commandLine().getErr());
        loaded.ifPresent(ok -> print(statuses(ok)));
        return loaded.isPresent() ? ExitCodes.OK : ExitCodes.CONFIG;
    }

    private StatusDocument statuses(FeedmergeConfig loaded) {
        Path file = loaded.storage().databasePath();
        if (!Files.exists(file)) {
            spec.commandLine().getErr().printf("no database at %s yet: feedmerge has not polled anything%n", file);
            return StatusReport.unknown(loaded.feeds());
        }
        int version = Database.schemaVersionOf(file);
        if (version < Database.currentSchemaVersion()) {
            // Opening would migrate it, under a daemon of the older version that may still be running.
            spec.commandLine().getErr().printf("the database at %s has schema version %d, older than this"
                    + " feedmerge's %d: status does not migrate it; the next run or poll of this version does%n",
                    file, version, Database.currentSchemaVersion());
            return StatusReport.unknown(loaded.feeds());
        }
        try (Database database = Database.open(file)) {
            return StatusReport.of(database, new FeedStore(database), new EntryStore(database), loaded.feeds());
        }
    }

    private void print(StatusDocument status) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? new String(StatusJson.write(status), StandardCharsets.UTF_8) : StatusTable.render(status));
        out.flush();
    }
}
