/**
 * Scheduling: Quartz runs one durable job per feed and books each next run from the poll's
 * report. Quartz types never leave this package.
 */
package org.feedmerge.schedule;
