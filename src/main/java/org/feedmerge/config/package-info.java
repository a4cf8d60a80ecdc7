/**
 * Configuration: typed records for every section of {@code feedmerge.yaml}, and the loader that
 * validates the whole file before anything starts (unknown keys, types, ranges, URLs, duplicates),
 * reporting each problem with file, line, column and key.
 */
package org.feedmerge.config;
