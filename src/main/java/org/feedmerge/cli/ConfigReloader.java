package org.feedmerge.cli;

import java.nio.file.Path;
import org.feedmerge.config.ConfigException;
import org.feedmerge.config.ConfigLoader;
import org.feedmerge.config.ConfigProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Re-reads the config file into a running daemon, on SIGHUP ({@code systemctl reload feedmerge}).
 * A bad edit never takes the daemon down: every problem is logged with file, line, column and
 * key, and the running config stays in force.
 */
final class ConfigReloader {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);

    private final Path file;
    private final Daemon daemon;

    ConfigReloader(Path file, Daemon daemon) {
        this.file = file;
        this.daemon = daemon;
    }

    /** Loads the file and applies it; returns false (after logging why) when it is unusable. */
    boolean reload() {
        try {
            daemon.reconfigure(new ConfigLoader().load(file));
            return true;
        } catch (ConfigException e) {
            LOG.error("config reload refused, keeping the running config: {} has {} problem(s)", file,
                    e.problems().size());
            for (ConfigProblem problem : e.problems()) {
                LOG.error("{}", problem);
            }
            return false;
        } catch (RuntimeException e) {
            // Applying must not kill the signal thread or the daemon; the old schedule stays in force.
            LOG.error("config reload failed, keeping the running config: {}", e.toString(), e);
            return false;
        }
    }

    /** Reloads on every SIGHUP (sun.misc.Signal: the JDK has no supported API for it). */
    void reloadOnHangup() {
        Signal.handle(new Signal("HUP"), signal -> {
            LOG.info("SIGHUP: reloading {}", file);
            reload();
        });
    }
}
