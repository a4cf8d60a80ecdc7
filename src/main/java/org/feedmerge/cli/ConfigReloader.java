package org.feedmerge.cli;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
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
    private final AtomicReference<Daemon> daemon = new AtomicReference<>();

    ConfigReloader(Path file) {
        this.file = file;
    }

    ConfigReloader(Path file, Daemon daemon) {
        this(file);
        attach(daemon);
    }

    /** From now on reloads apply to {@code running}; a SIGHUP before that is logged and ignored. */
    void attach(Daemon running) {
        daemon.set(running);
    }

    /** Loads the file and applies it; returns false (after logging why) when it is unusable. */
    boolean reload() {
        Daemon running = daemon.get();
        if (running == null) {
            LOG.warn("config reload ignored: the daemon is still starting; send SIGHUP again once it runs");
            return false;
        }
        try {
            running.reconfigure(new ConfigLoader().load(file));
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

    /**
     * Reloads on every SIGHUP (sun.misc.Signal: the JDK has no supported API for it). Installed
     * before the daemon starts, so an early SIGHUP cannot hit the JVM's default (which exits).
     */
    void reloadOnHangup() {
        Signal.handle(new Signal("HUP"), signal -> {
            LOG.info("SIGHUP: reloading {}", file);
            reload();
        });
    }
}
