/**
 * The conformance suite: feeds the shared corpus ({@code ../shared/corpus}) through the real fetch,
 * parse, identify, store and render path and checks what comes out.
 *
 * <p>Each corpus document is served by a loopback server ({@link org.feedmerge.conformance.CorpusServer})
 * with its recorded HTTP headers, polled by the real {@code FeedPoller} into a database of its own,
 * and read back as RSS 2.0 and Atom 1.0 from the real {@code FeedEndpoint}
 * ({@link org.feedmerge.conformance.MergeStation}). The checks per folder live in one class each
 * ({@code *Folder}); results are tallied per folder and check ({@link org.feedmerge.conformance.Tally}),
 * written to {@code target/conformance/} and held against a committed baseline
 * ({@code src/test/resources/conformance/baseline.properties}) so the suite is a ratchet: it passes
 * while pass counts do not fall. {@code docs/conformance.md} explains every remaining failure.
 */
package org.feedmerge.conformance;
