/**
 * Polling: one feed end to end (fetch, parse, identify, store), the pure policy that decides when
 * it is due again and why, and politeness across feeds: the per-host gate, the network watch and
 * permanent-redirect moves (docs/politeness.md). Knows nothing of Quartz: the scheduler calls
 * {@link org.feedmerge.poll.FeedPoller#poll} and reschedules from the report.
 */
package org.feedmerge.poll;
