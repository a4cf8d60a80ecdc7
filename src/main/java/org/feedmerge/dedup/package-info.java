/**
 * Deduplication: pure functions that decide which entries are the same — keys within a feed and
 * content hashes that tell an edited entry from an unchanged one.
 */
package org.feedmerge.dedup;
