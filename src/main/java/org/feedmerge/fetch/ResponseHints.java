package org.feedmerge.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Headers;

/** Reads {@link ServerHints} from response headers. Malformed values are ignored, never fatal. */
final class ResponseHints {

    /** RFC 9111 §1.2.2: delta-seconds beyond 2^31 mean "infinity"; anything longer is clamped there. */
    private static final long MAX_DELTA_SECONDS = Integer.MAX_VALUE;

    private ResponseHints() {
    }

    /** @param receivedAt our clock when the response arrived, for servers that send no Date */
    static ServerHints read(Headers headers, Instant receivedAt) {
        Instant serverNow = HttpDate.parse(headers.get("Date")).orElse(receivedAt);
        Duration maxAge = maxAge(headers.values("Cache-Control")).orElse(null);
        Duration expires = maxAge != null ? null : expires(headers.get("Expires"), serverNow).orElse(null);
        Duration retryAfter = retryAfter(headers.get("Retry-After"), serverNow).orElse(null);
        return new ServerHints(maxAge, expires, retryAfter);
    }

    /** The max-age directive; a repeated or malformed one is treated as absent. */
    static Optional<Duration> maxAge(Iterable<String> cacheControl) {
        Optional<Duration> found = Optional.empty();
        for (String header : cacheControl) {
            for (String directive : header.split(",")) {
                String[] nameValue = directive.trim().split("=", 2);
                if (nameValue.length == 2 && nameValue[0].trim().toLowerCase(Locale.ROOT).equals("max-age")) {
                    if (found.isPresent()) {
                        return Optional.empty();
                    }
                    found = deltaSeconds(unquote(nameValue[1].trim()));
                }
            }
        }
        return found;
    }

    /** RFC 9111 §5.3: an invalid date, notably "0", means already expired. */
    static Optional<Duration> expires(String value, Instant serverNow) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(HttpDate.parse(value).map(date -> nonNegative(Duration.between(serverNow, date)))
                .orElse(Duration.ZERO));
    }

    static Optional<Duration> retryAfter(String value, Instant serverNow) {
        if (value == null) {
            return Optional.empty();
        }
        Optional<Duration> seconds = deltaSeconds(value.trim());
        return seconds.isPresent() ? seconds
                : HttpDate.parse(value).map(date -> nonNegative(Duration.between(serverNow, date)));
    }

    private static Optional<Duration> deltaSeconds(String text) {
        if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Math.min(Long.parseLong(text), MAX_DELTA_SECONDS)));
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
