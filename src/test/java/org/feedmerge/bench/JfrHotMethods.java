package org.feedmerge.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording's CPU samples ({@code jdk.ExecutionSample}): the methods most often
 * on top of the stack (self) and most often anywhere in it (total), optionally only for threads
 * whose name starts with a prefix and only inside a time window (epoch millis, as PollBench prints
 * for each cycle). {@code --events} picks the event types: {@code jdk.ExecutionSample} (Java code on
 * CPU, the default), {@code jdk.NativeMethodSample} (threads in native code: SQLite, sockets), or
 * {@code jdk.ThreadPark,jdk.JavaMonitorEnter} (blocked time, weighted by milliseconds).
 *
 * <p>{@code JfrHotMethods --file rec.jfr [--events E1,E2] [--thread feedmerge-poll] [--from MS --to MS] [--top 30]
 * [--under org.feedmerge.store.Database.commitQueued]} (only samples with that method on the stack)
 */
public final class JfrHotMethods {
    private JfrHotMethods() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = BenchArgs.parse(argv);
        String threadPrefix = args.text("thread", "");
        long from = args.longValue("from", Long.MIN_VALUE);
        long to = args.longValue("to", Long.MAX_VALUE);
        int top = args.integer("top", 30);
        Set<String> events = Set.of(args.text("events", "jdk.ExecutionSample").split(","));
        String under = args.text("under", "");
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args.text("file", "target/bench/poll.jfr")))) {
            if (!events.contains(event.getEventType().getName()) || event.getStackTrace() == null) {
                continue;
            }
            Instant time = event.getStartTime();
            String thread = threadName(event);
            if (time.toEpochMilli() < from || time.toEpochMilli() > to || thread == null || !thread.startsWith(threadPrefix)) {
                continue;
            }
            // Park and lock events weigh by how long they blocked (in ms); samples weigh 1.
            int weight = event.hasField("duration") && !event.getEventType().getName().endsWith("Sample")
                    ? (int) Math.max(1, event.getDuration().toMillis()) : 1;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!under.isEmpty() && frames.stream().noneMatch(frame -> name(frame.getMethod()).equals(under))) {
                continue;
            }
            samples += weight;
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0).getMethod()), weight, Integer::sum);
            }
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame.getMethod());
                if (seen.add(name)) {
                    total.merge(name, weight, Integer::sum);
                }
            }
        }
        System.out.printf("%d samples (thread prefix '%s')%n%nself:%n", samples, threadPrefix);
        print(self, samples, top);
        System.out.printf("%ntotal (anywhere on the stack):%n");
        print(total, samples, top * 2);
    }

    private static String threadName(RecordedEvent event) {
        for (String field : List.of("sampledThread", "eventThread")) {
            if (event.hasField(field) && event.getThread(field) != null) {
                String name = event.getThread(field).getJavaName();
                return name == null ? "" : name;
            }
        }
        return "";
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    private static void print(Map<String, Integer> counts, int samples, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%6.1f%%  %6d  %s%n", 100.0 * e.getValue() / samples, e.getValue(), e.getKey()));
    }
}
