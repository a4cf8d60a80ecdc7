package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedmerge.store.Polls.T0;

import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import org.feedmerge.dedup.CanonicalUrl;
import org.feedmerge.dedup.Normalised;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewEntryTest {

    @TempDir
    Path dir;

    private static NewEntry polled() {
        return Documents.identified(Documents.item("g1", "https://a.test/old", "Title", "<p>Old text.</p>", T0)).get(0);
    }

    private static NewEntry copy(NewEntry entry, String link, String content) {
        return new NewEntry(entry.key(), entry.contentHash(), entry.guid(), link, entry.title(), entry.summary(),
                content, entry.author(), entry.published(), entry.updated(), entry.keys(), entry.normalised(),
                entry.htmlBase());
    }

    @Test
    void keepsTheNormalisedFormThePollStageMade() {
        NewEntry entry = polled();

        assertThat(copy(entry, entry.link(), entry.content()).normalised()).isSameAs(entry.normalised());
    }

    @Test
    void aCopyWithAnotherLinkOrTextWorksOutItsOwn() {
        NewEntry entry = polled();

        NewEntry moved = copy(entry, "https://www.a.test/new?utm_source=x", entry.content());
        NewEntry edited = copy(entry, entry.link(), "<p>New text.</p>");

        assertThat(moved.normalised().canonicalLink()).isEqualTo(CanonicalUrl.of("https://www.a.test/new?utm_source=x"));
        assertThat(edited.normalised().content()).isEqualTo("New text.");
        assertThat(edited.normalised()).isEqualTo(Normalised.of(entry.link(), entry.summary(), "<p>New text.</p>"));
    }

    /** Found in review: the store takes canonical_url from normalised(), so it must be the entry's own. */
    @Test
    void aCopyWithAnotherLinkIsStoredUnderItsOwnCanonicalLink() {
        NewEntry moved = copy(polled(), "https://a.test/new", polled().content());
        try (Database database = Database.open(dir.resolve("feedmerge.db"))) {
            FeedStore feeds = new FeedStore(database);
            long feedId = feeds.register(URI.create("https://a.test/feed"), null).id();
            feeds.recordPoll(feedId, Polls.ok(T0), List.of(moved));

            String stored = database.read("read", connection -> {
                try (PreparedStatement query = connection.prepareStatement("SELECT link, canonical_url FROM entries")) {
                    return RowMapper.first(query, row -> row.getString("link") + " " + row.getString("canonical_url"))
                            .orElseThrow();
                }
            });
            assertThat(stored).isEqualTo("https://a.test/new " + CanonicalUrl.of("https://a.test/new"));
        }
    }
}
