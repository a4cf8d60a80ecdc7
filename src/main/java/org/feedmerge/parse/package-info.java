/**
 * Parsing: feed bytes in, immutable {@link org.feedmerge.parse.ParsedFeed} records out, or a
 * {@link org.feedmerge.parse.FeedParseException} with a one-line reason; nothing else escapes.
 * Pure (no I/O, no clock) and thread-safe; Rome, JDOM, Jackson and jsoup types never leave this
 * package. The decisions are explained at length in docs/parsing.md.
 *
 * <h2>Pipeline</h2>
 * {@link org.feedmerge.parse.FeedParser} reads top to bottom: decode bytes to text
 * ({@code BodyDecoder}) → sniff the content ({@code DocumentKind}: JSON, an HTML page, or markup;
 * never the URL, extension or Content-Type) → JSON Feed with Jackson ({@code JsonFeedReader}), or
 * an HTML page refused with its feed link ({@code HtmlPage}), or XML: mended text
 * ({@code XmlRepair}) → a hardened SAX parse into JDOM ({@code HardenedXmlParser}), with
 * undeclared prefixes declared and jsoup's tree builder as the last resort
 * ({@code LenientXmlReader}) → shapes Rome does not know made into ones it does
 * ({@code RomeCompatibility}) → publisher hints ({@code PublisherHintsReader}) → Rome's wire-feed
 * parsers → one canonical model ({@code RssMapper}, {@code AtomMapper}), dates by
 * {@code FeedDate}, entry HTML kept as given, with its base.
 *
 * <h2>Character encoding precedence (RFC 7303, with the bytes as referee)</h2>
 * <ol>
 *   <li>A byte order mark wins outright (RFC 7303 §3.3, XML 1.0 Appendix F); without one, the
 *       zero-byte pattern of UTF-16/32 text does.</li>
 *   <li>Otherwise the labels in RFC 7303 §3.2 order: the HTTP {@code charset} parameter, then the
 *       XML declaration's {@code encoding}, then UTF-8. Labels are read as the WHATWG Encoding
 *       Standard reads them (ISO-8859-1 and US-ASCII mean windows-1252); unknown labels, and
 *       UTF-16/32 labels on single-byte text, are ignored.</li>
 *   <li>The bytes decide between UTF-8 and the rest: a UTF-8 label (or none) on bytes that are not
 *       UTF-8 yields to the declaration's other charset if there is one, else each byte that is
 *       not part of a UTF-8 sequence is read as windows-1252; and valid non-ASCII UTF-8 beats a
 *       windows-1252-family label or a conflicting label when the other one says UTF-8.</li>
 * </ol>
 * So {@code text/xml} without a charset means the declaration or UTF-8, not RFC 3023's US-ASCII.
 *
 * <h2>Recovery</h2>
 * Before giving up, the text is mended as a lenient reader would (junk before the root, HTML named
 * entities, bare {@code &} and {@code <}, illegal and C1 control characters), undeclared
 * namespace prefixes are declared, and jsoup's forgiving XML tree builder rebuilds what is still
 * broken, unless it was cut off (a truncated document is an error, not a short success).
 * Entity-expansion refusals are final.
 *
 * <h2>XML security</h2>
 * DOCTYPEs are allowed (RSS 0.91 requires one; internal entities are expanded), but nothing is
 * ever fetched or read: external general and parameter entities and the external DTD subset are
 * off, pinned so JDOM cannot re-enable them, {@code accessExternalDTD}/{@code accessExternalSchema}
 * are empty, an entity resolver answers every lookup with an empty document, and XInclude is off.
 * Entity expansion is bounded by JDK limits (count, total size, element depth), so billion-laughs
 * and quadratic blow-up documents fail in milliseconds with bounded memory. See
 * {@code HardenedXmlParser}. The jsoup fallback never expands or fetches anything either.
 *
 * <h2>HTML</h2>
 * Summaries and content are kept as the feed gave them, with the base their relative URLs resolve
 * against ({@code ParsedEntry.htmlBase}); the store keeps them so. They are made safe where they
 * leave feedmerge, when the merged feed renders an entry ({@code publish.PreparedEntry} calls
 * {@code HtmlSanitizer}: jsoup's relaxed safelist plus figure/figcaption and friends; no script,
 * style, iframe, object, form, event handlers or style attributes; only http(s) URLs, links also
 * mailto/ftp, made absolute against the entry's base). Titles, descriptions and authors are plain
 * text with character references decoded exactly once.
 */
package org.feedmerge.parse;
