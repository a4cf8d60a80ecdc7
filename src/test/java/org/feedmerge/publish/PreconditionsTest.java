package org.feedmerge.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PreconditionsTest {

    private static final Instant MODIFIED = Instant.parse("2024-03-01T10:00:00Z");
    private static final CachedDocument DOCUMENT =
            CachedDocument.of(FeedFormat.RSS, "<rss/>".getBytes(StandardCharsets.UTF_8), MODIFIED);
    private static final String ETAG = DOCUMENT.identityEtag;

    @ParameterizedTest
    @ValueSource(strings = {"%s", "W/%s", "\"other\", %s", "\"a\",W/%s ,\"b\"", "*", "  %s  ", "\"x,y\", %s"})
    void ifNoneMatchMatchesByWeakComparison(String template) {
        assertThat(notModified(List.of(template.formatted(ETAG)), null)).isTrue();
    }

    static Stream<String> mismatches() {
        String bare = ETAG.substring(1, ETAG.length() - 1);
        return Stream.of("\"other\"", "", "W/", "\"", "garbage", bare, "\"" + bare, DOCUMENT.gzipEtag, "w/" + ETAG,
                "\"unterminated, " + ETAG, "\u0000\u00FF");
    }

    @ParameterizedTest
    @MethodSource("mismatches")
    void ifNoneMatchMismatchesAndGarbage(String value) {
        assertThat(notModified(List.of(value), null)).isFalse();
    }

    @Test
    void theGzipRepresentationHasItsOwnTag() {
        assertThat(DOCUMENT.gzipEtag).isNotEqualTo(ETAG).endsWith("-gz\"");
        assertThat(Preconditions.notModified(List.of(ETAG), null, DOCUMENT.gzipEtag, DOCUMENT)).isFalse();
        assertThat(Preconditions.notModified(List.of(DOCUMENT.gzipEtag), null, DOCUMENT.gzipEtag, DOCUMENT)).isTrue();
    }

    @Test
    void ifNoneMatchDecidesAloneWhenPresent() {
        String sameSecond = HttpDates.format(MODIFIED);

        assertThat(notModified(List.of("\"other\""), List.of(sameSecond))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Fri, 01 Mar 2024 10:00:00 GMT", "Fri, 01 Mar 2024 10:00:01 GMT", "Friday, 01-Mar-24 10:00:00 GMT"})
    void ifModifiedSinceAtOrAfterLastModified(String since) {
        assertThat(notModified(null, List.of(since))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Fri, 01 Mar 2024 09:59:59 GMT", "not a date", "", "Fri, 01 Mar 2024 10:00:00 GMT, again"})
    void ifModifiedSinceBeforeOrInvalid(String since) {
        assertThat(notModified(null, List.of(since))).isFalse();
    }

    @Test
    void repeatedIfModifiedSinceIsIgnored() {
        String since = HttpDates.format(MODIFIED);

        assertThat(notModified(null, List.of(since, since))).isFalse();
        assertThat(notModified(null, null)).isFalse();
    }

    private static boolean notModified(List<String> ifNoneMatch, List<String> ifModifiedSince) {
        return Preconditions.notModified(ifNoneMatch, ifModifiedSince, ETAG, DOCUMENT);
    }
}
