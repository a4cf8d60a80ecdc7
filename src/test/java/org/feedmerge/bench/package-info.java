/**
 * The benchmark suite of issue 5 (see {@code docs/performance.md}): a reproducible feed farm
 * ({@link org.feedmerge.bench.FeedFarm}) served over loopback by
 * {@link org.feedmerge.bench.FeedFarmServer}, and one entry point per benchmark
 * ({@link org.feedmerge.bench.PollBench}, {@link org.feedmerge.bench.ProcessBench},
 * {@link org.feedmerge.bench.ServeBench}, {@link org.feedmerge.bench.StoreBench}).
 *
 * <p>It lives in the test tree so that it compiles against everything, but no class here is a
 * test: nothing is named {@code *Test} or {@code *IT}, so {@code mvn verify} never runs it. Run
 * it with the {@code bench} profile: {@code mvn -B -q -Pbench verify -Dbench=poll}.
 */
package org.feedmerge.bench;
