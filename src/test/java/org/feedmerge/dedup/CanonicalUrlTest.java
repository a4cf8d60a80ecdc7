package org.feedmerge.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalUrlTest {

    static Stream<Arguments> sameArticle() {
        return Stream.of(
                Arguments.of("https://example.org/a/b", "http://example.org/a/b"),
                Arguments.of("https://example.org/a/b", "https://www.example.org/a/b"),
                Arguments.of("https://example.org/a/b", "HTTPS://EXAMPLE.org/a/b"),
                Arguments.of("https://example.org/a/b", "https://example.org:443/a/b"),
                Arguments.of("http://example.org/a/b", "http://example.org:80/a/b"),
                Arguments.of("https://example.org/a/b", "https://example.org/a/b/"),
                Arguments.of("https://example.org/a/b", "https://example.org/a/./c/../b"),
                Arguments.of("https://example.org/a/b", "https://example.org/a/b#comments"),
                Arguments.of("https://example.org/a/b", "https://example.org/a/b?utm_source=rss&utm_medium=feed&utm_campaign=x"),
                Arguments.of("https://example.org/a/b", "https://example.org/a/b?fbclid=IwAR0abc"),
                Arguments.of("https://example.org/a/b", "https://example.org/a/b?gclid=1&mc_cid=2&mc_eid=3"),
                Arguments.of("https://example.org/a?id=7", "https://example.org/a?utm_source=x&id=7"),
                Arguments.of("https://example.org/a?x=1&y=2", "https://example.org/a?y=2&x=1"),
                Arguments.of("https://example.org/a/b", " https://example.org/a/b\n"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("sameArticle")
    void variantsOfOneLinkAreEqual(String a, String b) {
        assertThat(CanonicalUrl.of(b)).isNotNull().isEqualTo(CanonicalUrl.of(a));
    }

    static Stream<Arguments> differentArticles() {
        return Stream.of(
                Arguments.of("https://example.org/a/b", "https://example.org/a/c"),
                Arguments.of("https://example.org/a?id=7", "https://example.org/a?id=8"),
                Arguments.of("https://example.org/a/b", "https://example.net/a/b"),
                Arguments.of("https://example.org/a/b", "https://blog.example.org/a/b"),
                Arguments.of("https://example.org/a/b", "https://example.org:8443/a/b"),
                Arguments.of("https://example.org/A/b", "https://example.org/a/b"));
    }

    @ParameterizedTest(name = "{0} ≠ {1}")
    @MethodSource("differentArticles")
    void differentArticlesStayDifferent(String a, String b) {
        assertThat(CanonicalUrl.of(a)).isNotEqualTo(CanonicalUrl.of(b));
    }

    @Test
    void theCanonicalFormIsHttpsWithoutWww() {
        assertThat(CanonicalUrl.of("http://WWW.Example.org:80/news/1/?utm_source=a&b=2#x"))
                .isEqualTo("https://example.org/news/1?b=2");
    }

    @Test
    void onlyAbsoluteHttpUrlsHaveACanonicalForm() {
        assertThat(CanonicalUrl.of(null)).isNull();
        assertThat(CanonicalUrl.of(" ")).isNull();
        assertThat(CanonicalUrl.of("/relative/path")).isNull();
        assertThat(CanonicalUrl.of("mailto:someone@example.org")).isNull();
        assertThat(CanonicalUrl.of("https://exa mple.org/")).isNull();
    }

    @Test
    void aHomePageDoesNotNameAnArticle() {
        assertThat(CanonicalUrl.namesAnArticle(CanonicalUrl.of("https://www.example.org/"))).isFalse();
        assertThat(CanonicalUrl.namesAnArticle(CanonicalUrl.of("https://example.org"))).isFalse();
        assertThat(CanonicalUrl.namesAnArticle(CanonicalUrl.of("https://example.org/?utm_source=x"))).isFalse();
        assertThat(CanonicalUrl.namesAnArticle(CanonicalUrl.of("https://example.org/?p=123"))).isTrue();
        assertThat(CanonicalUrl.namesAnArticle(CanonicalUrl.of("https://example.org/news/1"))).isTrue();
        assertThat(CanonicalUrl.namesAnArticle(null)).isFalse();
    }
}
