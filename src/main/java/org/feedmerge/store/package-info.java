/**
 * Storage: the SQLite database (WAL, busy timeout, numbered migrations), feed rows and entries.
 * JDBC types never leave this package.
 */
package org.feedmerge.store;
