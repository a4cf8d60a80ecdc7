/**
 * Publishing: renders the merged feed (RSS 2.0, Atom 1.0) from stored entries, pure and cached,
 * and serves it over the JDK's built-in HTTP server with conditional GET and gzip.
 *
 * <p>Data flow: {@link org.feedmerge.publish.MergedFeedPublisher} reads the newest entries once per
 * change, {@code FeedSnapshot} prepares them (text made XML-safe, unrenderable entries dropped),
 * {@code RssFeedWriter} and {@code AtomFeedWriter} turn the snapshot into bytes, and
 * {@code CachedDocument} keeps those with their gzip form and validators.
 * {@link org.feedmerge.publish.FeedEndpoint} serves them; {@code AcceptEncoding} and
 * {@code Preconditions} make the per-request decisions without allocating bodies.
 */
package org.feedmerge.publish;
