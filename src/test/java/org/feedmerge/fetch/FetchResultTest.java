package org.feedmerge.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FetchResultTest {
    private static final URI FINAL_URL = URI.create("https://feeds.example/a/feed.xml");

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", value = {
            "none,                    https://feeds.example/a/feed.xml",
            "http://example.com/,     http://example.com/",
            "/b/feed.xml,             https://feeds.example/b/feed.xml",
            "javascript:alert(1),     https://feeds.example/a/feed.xml",
            "'http://bad host/',      https://feeds.example/a/feed.xml"})
    void baseUriIsTheContentLocationResolvedAgainstTheFinalUrl(String contentLocation, String expected) {
        FetchResult.Fetched fetched = new FetchResult.Fetched(FINAL_URL, 200, new byte[0], null, null, null,
                ServerHints.NONE, Redirects.NONE, contentLocation);

        assertThat(fetched.baseUri()).isEqualTo(URI.create(expected));
    }
}
