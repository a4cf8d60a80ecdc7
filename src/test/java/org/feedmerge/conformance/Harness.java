package org.feedmerge.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.feedmerge.config.FetchConfig;
import org.feedmerge.fetch.FeedFetcher;
import org.feedmerge.parse.FeedParser;

/**
 * Runs jobs on a few worker threads, each with its own {@link MergeStation}, sharing one fetcher
 * and parser as the daemon does. A per-document timeout is the safety net against hangs: a job
 * still running after {@link #DOCUMENT_TIMEOUT} is interrupted, reported as timed out, and its
 * worker replaced. Also owns the tripwires: the corpus server, the canary, the network watch and
 * the error-log capture.
 */
final class Harness implements AutoCloseable {
    static final Duration DOCUMENT_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The clock the pipeline runs on. Far in the future so that no corpus date is clamped to
     * first-seen time ({@code architecture.md}, "Effective dates"); fixed so reports are repeatable.
     */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2099-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final long MAX_BODY_BYTES = 32L * 1024 * 1024;
    private static final Duration WAIT_STEP = Duration.ofMillis(200);

    final CorpusServer server;
    final Canary canary;
    private final Corpus corpus;
    private final AtomicInteger rewrittenDocuments = new AtomicInteger();
    private final NetworkWatch network;
    private final LogCapture logs;
    private final Path workDir;
    private final FeedFetcher fetcher;
    private final FeedParser parser = new FeedParser();
    private final OkHttpClient http;
    private final ThreadPoolExecutor pool;
    private final List<MergeStation> stations = new CopyOnWriteArrayList<>();
    private final ThreadLocal<MergeStation> station = ThreadLocal.withInitial(this::newStation);

    private Harness(Corpus corpus, int threads) throws IOException {
        this.corpus = corpus;
        this.server = CorpusServer.start();
        this.canary = Canary.start();
        this.network = NetworkWatch.install(server.port());
        this.logs = LogCapture.install();
        this.workDir = Files.createTempDirectory(scratchSpace(), "feedmerge-conformance");
        this.fetcher = new FeedFetcher(fetchConfig());
        // Reads the merged feed back; no proxy, so the network watch never sees the endpoint.
        this.http = new OkHttpClient.Builder().proxy(Proxy.NO_PROXY).callTimeout(Duration.ofSeconds(10)).build();
        this.pool = workers(threads);
    }

    static Harness start(Corpus corpus, int threads) {
        try {
            return new Harness(corpus, threads);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the conformance harness", e);
        }
    }

    /**
     * The daemon's fetch settings, except that politeness towards one host is off (every document
     * comes from the same loopback server, and spacing requests a second apart would take an hour)
     * and timeouts are loose, so that a machine busy with other builds does not fail documents.
     */
    private static FetchConfig fetchConfig() {
        return new FetchConfig(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
                "feedmerge-conformance", MAX_BODY_BYTES, 64, Duration.ZERO);
    }

    /**
     * Where the per-document databases go: a RAM disk when there is one (thousands of SQLite files
     * are created and deleted; on a shared disk their syncs dominate the run), else the temp dir.
     */
    private static Path scratchSpace() {
        Path ramDisk = Path.of("/dev/shm");
        return Files.isDirectory(ramDisk) && Files.isWritable(ramDisk) ? ramDisk : Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static ThreadPoolExecutor workers(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "conformance-worker-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        return pool;
    }

    private MergeStation newStation() {
        MergeStation created = new MergeStation(workDir.resolve(Thread.currentThread().getName()), fetcher, parser,
                CLOCK, http);
        stations.add(created);
        return created;
    }

    /** A corpus file as served, its external ids pointed at the canary. */
    CorpusDocument document(String folder, String file, String urlPath, int status, List<HttpHeader> headers) {
        return document(folder, file, urlPath, status, headers, corpus.read(file));
    }

    /** A document with the given bytes as served, its external ids pointed at the canary. */
    CorpusDocument document(String folder, String file, String urlPath, int status, List<HttpHeader> headers, byte[] original) {
        byte[] body = ExternalIds.pointAtCanary(original, canary.httpUrl(file), canary.fileUrl());
        if (body != original) {
            rewrittenDocuments.incrementAndGet();
        }
        return new CorpusDocument(folder, file, urlPath, status, headers, body);
    }

    /** How many documents had external ids pointed at the canary. */
    int rewrittenDocuments() {
        return rewrittenDocuments.get();
    }

    /** Serves and polls every job's document and runs its checks; returns when all are done. */
    void run(List<Job> jobs) {
        List<Running> running = jobs.stream().map(this::submit).toList();
        for (Running job : running) {
            await(job);
        }
    }

    private Running submit(Job job) {
        URI url = server.serve(job.document());
        Running running = new Running(job, url);
        running.future = pool.submit(() -> running.execute(this));
        return running;
    }

    private Ingest ingestOnThisThread(URI url, int polls) {
        logs.drainCurrentThread();
        network.drainCurrentThread();
        Ingest ingest = station.get().ingest(url, polls);
        return ingest.withDiagnostics(logs.drainCurrentThread(), network.drainCurrentThread());
    }

    private void await(Running job) {
        while (true) {
            try {
                job.future.get(WAIT_STEP.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (job.overdue()) {
                    abandon(job);
                    return;
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("checks failed to run for " + job.job.document().file(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + job.job.document().file(), e);
            }
        }
    }

    /** Reports the job as timed out and gives the pool a fresh thread in place of the stuck one. */
    private void abandon(Running job) {
        job.future.cancel(true);
        pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
        pool.setCorePoolSize(pool.getCorePoolSize() + 1);
        job.report(Ingest.timedOut(job.url, DOCUMENT_TIMEOUT.toMillis()));
    }

    @Override
    public void close() {
        pool.shutdownNow();
        stations.forEach(MergeStation::close);
        fetcher.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        logs.close();
        network.close();
        canary.close();
        server.close();
        deleteWorkDir();
    }

    private void deleteWorkDir() {
        try (Stream<Path> files = Files.walk(workDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + workDir, e);
        }
    }

    /** A submitted job: when it started, and whether its outcome has been reported (exactly once). */
    private static final class Running {
        final Job job;
        final URI url;
        final AtomicLong startedNanos = new AtomicLong();
        final AtomicBoolean reported = new AtomicBoolean();
        volatile Future<?> future;

        Running(Job job, URI url) {
            this.job = job;
            this.url = url;
        }

        void execute(Harness harness) {
            startedNanos.set(System.nanoTime());
            report(harness.ingestOnThisThread(url, job.polls()));
        }

        void report(Ingest ingest) {
            if (reported.compareAndSet(false, true)) {
                job.checks().accept(ingest);
            }
        }

        boolean overdue() {
            long started = startedNanos.get();
            return started != 0 && System.nanoTime() - started > DOCUMENT_TIMEOUT.toNanos();
        }
    }
}
