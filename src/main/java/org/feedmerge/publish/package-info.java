/**
 * Publishing: renders the merged feed (RSS 2.0, Atom 1.0) from stored entries, pure and cached,
 * and serves it over the JDK's built-in HTTP server with conditional GET and gzip.
 */
package org.feedmerge.publish;
