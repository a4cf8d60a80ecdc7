package org.feedmerge.fetch;

import java.time.Duration;

/**
 * What the server's response headers say about when to come back, parsed and made relative to the
 * response (the server's own {@code Date} when it sent one, so clock skew does not matter). Each is
 * null when absent or unusable; the poll policy decides what to honour.
 *
 * @param maxAge     {@code Cache-Control: max-age} (RFC 9111 §5.2.2.1)
 * @param expires    {@code Expires} minus {@code Date}; null when max-age is present, which takes
 *                   precedence (RFC 9111 §5.3); zero for an invalid or past date (already stale)
 * @param retryAfter {@code Retry-After} as delay-seconds or an HTTP-date (RFC 9110 §10.2.3)
 */
public record ServerHints(Duration maxAge, Duration expires, Duration retryAfter) {

    public static final ServerHints NONE = new ServerHints(null, null, null);
}
