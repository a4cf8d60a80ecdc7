package org.feedmerge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends the daemon's logs to a file, as under systemd: every poll still formats and writes its
 * INFO line (a real cost of the daemon), but the console stays readable. Must run before the first
 * logger is created, so it is the first thing each benchmark's main does.
 */
final class BenchLogging {
    private BenchLogging() {
    }

    static void toFile(Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Path config = outDir.resolve("logback-bench.xml");
        Files.writeString(config, BenchConfigFile.logback(outDir.resolve("daemon.log")));
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", config.toAbsolutePath().toString());
        }
    }
}
