/**
 * Fetching: the one shared OkHttp client, conditional GET with stored validators, and the
 * classification of every response into a {@link org.feedmerge.fetch.FetchResult}. OkHttp types
 * never leave this package.
 */
package org.feedmerge.fetch;
