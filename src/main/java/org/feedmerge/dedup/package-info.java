/**
 * Deduplication, pure: keys that identify an entry within its feed ({@link
 * org.feedmerge.dedup.EntryIdentity}, {@link org.feedmerge.dedup.KeyScheme}), the substance hash
 * that tells an edit from noise ({@link org.feedmerge.dedup.Substance}), and what tells the same
 * story apart across feeds: canonical links, text fingerprints with their index anchors, the match
 * rule and the winner rule. No I/O; the store keeps and indexes what these functions compute.
 */
package org.feedmerge.dedup;
