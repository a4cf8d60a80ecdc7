/**
 * Polling: one feed end to end (fetch, parse, identify, store) and the pure policy that decides
 * when it is due again. Knows nothing of Quartz: the scheduler calls {@link
 * org.feedmerge.poll.FeedPoller#poll} and reschedules from the report.
 */
package org.feedmerge.poll;
