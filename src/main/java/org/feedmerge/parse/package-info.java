/**
 * Parsing: Rome turns feed bytes into immutable {@link org.feedmerge.parse.ParsedFeed} records.
 * Rome and JDOM types never leave this package.
 */
package org.feedmerge.parse;
