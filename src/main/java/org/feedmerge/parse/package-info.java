/**
 * Parsing: feed bytes in, immutable {@link org.feedmerge.parse.ParsedFeed} records out. Pure (no
 * I/O, no clock) and thread-safe; Rome and JDOM types never leave this package.
 *
 * <h2>Pipeline</h2>
 * {@link org.feedmerge.parse.FeedParser} reads top to bottom: decode bytes to text
 * ({@code XmlTextDecoder}) → reject what is plainly not XML ({@code DocumentKind}) → Rome's XML
 * healer when needed ({@code XmlHealer}) → a hardened SAX parse into JDOM
 * ({@code HardenedXmlParser}) → Rome's wire-feed parsers → one canonical model
 * ({@code RssMapper}, {@code AtomMapper}).
 *
 * <h2>Character encoding precedence</h2>
 * <ol>
 *   <li>A byte order mark (UTF-8, UTF-16BE/LE) wins outright, as RFC 7303 §3 and XML 1.0
 *       Appendix F require. We check it ourselves because Rome's lenient mode would let a stale
 *       XML declaration override it.</li>
 *   <li>Otherwise Rome's {@code XmlReader} in lenient mode decides: the XML declaration's
 *       {@code encoding}, then the HTTP {@code charset} parameter (for XML media types, and
 *       {@code text/html} re-read as {@code text/xml}), then UTF-8.</li>
 * </ol>
 * Two deliberate departures from the RFCs: the declaration beats the HTTP charset (servers often
 * default {@code text/*} to ISO-8859-1 while the document is right), and {@code text/xml}
 * without a charset means UTF-8, not RFC 3023's US-ASCII (RFC 7303 removed that rule).
 *
 * <h2>XML security</h2>
 * DOCTYPEs are allowed (RSS 0.91 requires one; internal entities are expanded), but nothing is
 * ever fetched or read: external general and parameter entities and the external DTD subset are
 * off, pinned so JDOM cannot re-enable them, {@code accessExternalDTD}/{@code accessExternalSchema}
 * are empty, an entity resolver answers every lookup with an empty document, and XInclude is off.
 * Entity expansion is bounded by JDK limits (count, total size, element depth), so billion-laughs
 * and quadratic blow-up documents fail in milliseconds with bounded memory. See
 * {@code HardenedXmlParser}.
 */
package org.feedmerge.parse;
