package org.feedmerge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This JVM's resource use over one measured stretch: process CPU time (all threads, GC and JIT
 * included), peak heap in use (sampled every 5 ms), peak resident set size ({@code VmHWM}, reset
 * at the start through {@code /proc/self/clear_refs} where the kernel allows it).
 */
final class ProcessProbe implements AutoCloseable {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final long cpuStartNanos = processCpuNanos();
    private final long writtenStart = bytesWritten();
    private final AtomicLong peakHeap = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private ProcessProbe() {
        resetPeakRss();
        sampler = new Thread(this::sample, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static ProcessProbe start() {
        return new ProcessProbe();
    }

    private void sample() {
        while (running) {
            peakHeap.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    double cpuSeconds() {
        return (processCpuNanos() - cpuStartNanos) / 1e9;
    }

    /** Bytes this process handed to write(2) and friends since the start (files and sockets). */
    long bytesWrittenSinceStart() {
        return bytesWritten() - writtenStart;
    }

    /** {@code wchar} from /proc/self/io, or 0 where it cannot be read. */
    static long bytesWritten() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith("wchar:")) {
                    return Long.parseLong(line.substring(6).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    long peakHeapBytes() {
        return Math.max(peakHeap.get(), MEMORY.getHeapMemoryUsage().getUsed());
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Heap in use right after a full collection: what the process really retains. */
    static long heapAfterGc() {
        System.gc();
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** {@code VmHWM} (peak RSS) in bytes from /proc/self/status, or -1 off Linux. */
    static long peakRssBytes() {
        return statusField("VmHWM:");
    }

    static long rssBytes() {
        return statusField("VmRSS:");
    }

    private static long statusField(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+). */
    private static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // not Linux, or not allowed: VmHWM is then the peak since the JVM started
        }
    }

    /** One-minute load average, to record how busy the machine was. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
