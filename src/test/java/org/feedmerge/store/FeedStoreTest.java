package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.feedmerge.store.Polls.T0;
import static org.feedmerge.store.Polls.at;
import static org.feedmerge.store.Polls.entry;

import java.net.URI;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.feedmerge.dedup.EntryIdentity;
import org.feedmerge.dedup.IdentifiedEntry;
import org.feedmerge.parse.ParsedEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedStoreTest {

    private static final URI URL = URI.create("https://site.test/feed.xml");

    @TempDir
    Path dir;

    private Database database;
    private FeedStore feeds;
    private EntryStore entries;
    private long feedId;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("feedmerge.db"));
        feeds = new FeedStore(database);
        entries = new EntryStore(database);
        feedId = feeds.register(URL, "Configured").id();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private FeedRow row() {
        return feeds.find(feedId).orElseThrow();
    }

    private MergedEntry only() {
        List<MergedEntry> all = entries.newest(10);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void registerAllRegistersAndConfiguresEveryFeedInConfigOrder() {
        URI other = URI.create("https://other.test/rss");
        List<FeedRow> rows = feeds.registerAll(List.of(
                new FeedStore.Registration(other, "Other", "fp-other", true),
                new FeedStore.Registration(URL, "Renamed", "fp", false)));

        assertThat(rows).extracting(FeedRow::url).containsExactly(other, URL);
        assertThat(rows.get(1).id()).as("already registered: same row").isEqualTo(feedId);
        assertThat(rows.get(1).configuredTitle()).isEqualTo("Renamed");
        long otherId = rows.get(0).id();
        String stored = database.read("test", connection -> {
            try (java.sql.Statement statement = connection.createStatement();
                    java.sql.ResultSet row = statement.executeQuery(
                            "SELECT original, position FROM feeds WHERE id = " + otherId)) {
                row.next();
                return row.getBoolean(1) + "@" + row.getInt(2);
            }
        });
        assertThat(stored).as("original@position").isEqualTo("true@0");
    }

    @Test
    void registeringTheSameConfigAgainWritesNothingAndReturnsTheSameRows() {
        URI other = URI.create("https://other.test/rss");
        List<FeedStore.Registration> config = List.of(
                new FeedStore.Registration(other, "Other", "fp-other", true),
                new FeedStore.Registration(URL, "Configured", "fp", false));
        List<FeedRow> first = feeds.registerAll(config);

        long before = rowsWritten();
        List<FeedRow> again = feeds.registerAll(config);
        assertThat(rowsWritten()).as("rows inserted or updated").isEqualTo(before);
        assertThat(again).isEqualTo(first);

        List<FeedRow> renamed = feeds.registerAll(List.of(
                new FeedStore.Registration(other, "Other", "fp-other", true),
                new FeedStore.Registration(URL, "Renamed", "fp", false)));
        assertThat(rowsWritten()).as("a changed title is written").isGreaterThan(before);
        assertThat(renamed.get(1).configuredTitle()).isEqualTo("Renamed");
        assertThat(renamed.get(0)).isEqualTo(first.get(0));
    }

    @Test
    void registeringWritesAFeedWhoseOriginalFlagPositionOrEntryChanged() {
        URI other = URI.create("https://other.test/rss");
        feeds.registerAll(List.of(
                new FeedStore.Registration(URL, "Configured", "fp", false),
                new FeedStore.Registration(other, "Other", "fp-other", false)));
        feeds.recordPoll(feedId, new PollRecord(T0, PollStatus.HTTP_ERROR, 410, "HTTP 410", null, null, null, null, null,
                "retired", true, null, null, true), List.of());
        assertThat(row().retired()).isTrue();

        List<FeedRow> edited = feeds.registerAll(List.of(
                new FeedStore.Registration(URL, "Configured", "fp-edited", false),
                new FeedStore.Registration(other, "Other", "fp-other", true)));
        assertThat(edited.get(0).retired()).as("an edited entry forgets retirement").isFalse();
        assertThat(originalAndPosition(edited.get(1).id())).isEqualTo("true@1");

        List<FeedRow> swapped = feeds.registerAll(List.of(
                new FeedStore.Registration(other, "Other", "fp-other", true),
                new FeedStore.Registration(URL, "Configured", "fp-edited", false)));
        assertThat(swapped).extracting(FeedRow::url).containsExactly(other, URL);
        assertThat(originalAndPosition(swapped.get(0).id())).isEqualTo("true@0");
        assertThat(originalAndPosition(swapped.get(1).id())).isEqualTo("false@1");
    }

    @Test
    void onlyTheFeedsKeptSubscribedAreInTheMergedFeed() {
        long otherId = feeds.register(URI.create("https://other.test/rss"), "Other").id();
        feeds.recordPoll(feedId, Polls.ok(T0), List.of(entry("a", "From the first", T0)));
        feeds.recordPoll(otherId, Polls.ok(T0), List.of(entry("b", "From the other", T0)));

        feeds.keepSubscribed(List.of(otherId));
        assertThat(entries.newest(10)).extracting(MergedEntry::title).containsExactly("From the other");

        feeds.keepSubscribed(List.of(feedId, otherId));
        assertThat(entries.newest(10)).extracting(MergedEntry::title)
                .containsExactlyInAnyOrder("From the first", "From the other");

        feeds.keepSubscribed(List.of());
        assertThat(entries.newest(10)).isEmpty();
    }

    /** Rows the write connection has inserted, updated or deleted since it opened. */
    private long rowsWritten() {
        return database.write("test", connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT total_changes()")) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    private String originalAndPosition(long id) {
        return database.read("test", connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT original, position FROM feeds WHERE id = " + id)) {
                row.next();
                return row.getBoolean(1) + "@" + row.getInt(2);
            }
        });
    }

    @Test
    void registerInsertsOnceAndUpdatesTheConfiguredTitle() {
        FeedRow again = feeds.register(URL, "Renamed");
        FeedRow other = feeds.register(URI.create("https://other.test/rss"), null);

        assertThat(again.id()).isEqualTo(feedId);
        assertThat(again.configuredTitle()).isEqualTo("Renamed");
        assertThat(again.lastStatus()).isNull();
        assertThat(again.consecutiveFailures()).isZero();
        assertThat(feeds.all()).extracting(FeedRow::id).containsExactly(feedId, other.id());
        assertThat(feeds.find(other.id() + 100)).isEmpty();
        assertThat(feeds.register(URL, null).configuredTitle()).isNull();
    }

    @Test
    void theSameItemPolledTwiceIsStoredOnce() {
        List<NewEntry> document = List.of(entry("a", "A", T0), entry("b", "B", T0));

        assertThat(feeds.recordPoll(feedId, Polls.ok(T0), document)).isEqualTo(new StoreCounts(2, 0, 0));
        assertThat(feeds.recordPoll(feedId, Polls.ok(at(30)), document)).isEqualTo(new StoreCounts(0, 0, 2));
        assertThat(entries.countForFeed(feedId)).isEqualTo(2);
    }

    @Test
    void anEditedItemIsUpdatedInPlace() {
        feeds.recordPoll(feedId, Polls.ok(T0), List.of(entry("a", "Old title", T0.minusSeconds(60))));
        MergedEntry before = only();

        StoreCounts counts = feeds.recordPoll(feedId, Polls.ok(at(10)), List.of(entry("a", "New title", T0.minusSeconds(60))));
        MergedEntry after = only();

        assertThat(counts).isEqualTo(new StoreCounts(0, 1, 0));
        assertThat(after.title()).isEqualTo("New title");
        assertThat(after.summary()).isEqualTo("<p>New title</p>");
        assertThat(after.updated()).isEqualTo(at(10));
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.publicId()).isEqualTo(before.publicId()).isEqualTo("a");
        assertThat(after.firstSeen()).isEqualTo(before.firstSeen()).isEqualTo(T0);
        assertThat(after.published()).isEqualTo(T0.minusSeconds(60));
        assertThat(before.updated()).isNull();
    }

    @Test
    void anEditReclampsThePublishedDateAgainstFirstSeen() {
        feeds.recordPoll(feedId, Polls.ok(T0), List.of(entry("a", "v1", T0.minusSeconds(60))));
        feeds.recordPoll(feedId, Polls.ok(at(10)), List.of(entry("a", "v2", at(5))));

        assertThat(only().published()).as("edited date lies after first sight").isEqualTo(T0);
    }

    @Test
    void aFutureDateIsClampedToFirstSeen() {
        feeds.recordPoll(feedId, Polls.ok(T0), List.of(entry("a", "A", T0.plus(Duration.ofDays(3)))));

        assertThat(only().published()).isEqualTo(T0);
        assertThat(only().firstSeen()).isEqualTo(T0);
    }

    @Test
    void aMissingDateBecomesFirstSeen() {
        feeds.recordPoll(feedId, Polls.ok(T0), List.of(entry("a", "A", null)));

        assertThat(only().published()).isEqualTo(T0);
    }

    @Test
    void aPastDateIsKept() {
        feeds.recordPoll(feedId, Polls.ok(T0), List.of(entry("a", "A", Polls.T0.minus(Duration.ofDays(400)))));

        assertThat(only().published()).isEqualTo(T0.minus(Duration.ofDays(400)));
    }

    @Test
    void anOkPollRecordsOutcomeValidatorsAndSourceMetadata() {
        feeds.recordPoll(feedId, Polls.ok(T0, "\"e1\"", "L1"), List.of());

        FeedRow row = row();
        assertThat(row.lastStatus()).isEqualTo(PollStatus.OK);
        assertThat(row.lastHttpStatus()).isEqualTo(200);
        assertThat(row.lastChecked()).isEqualTo(T0);
        assertThat(row.lastSuccess()).isEqualTo(T0);
        assertThat(row.nextPoll()).isEqualTo(at(30));
        assertThat(row.etag()).isEqualTo("\"e1\"");
        assertThat(row.lastModified()).isEqualTo("L1");
        assertThat(row.sourceTitle()).isEqualTo("Source title");
        assertThat(row.sourceLink()).isEqualTo("https://site.test/");
    }

    @Test
    void anOkPollWithoutValidatorsClearsThemButKeepsKnownSourceMetadata() {
        feeds.recordPoll(feedId, Polls.ok(T0, "\"e1\"", "L1"), List.of());
        feeds.recordPoll(feedId, new PollRecord(at(30), PollStatus.OK, 200, null, null, null, at(60), null, null),
                List.of());

        FeedRow row = row();
        assertThat(row.etag()).isNull();
        assertThat(row.lastModified()).isNull();
        assertThat(row.sourceTitle()).isEqualTo("Source title");
        assertThat(row.sourceLink()).isEqualTo("https://site.test/");
    }

    @Test
    void aFailureCountsAndKeepsValidatorsAndEntries() {
        feeds.recordPoll(feedId, Polls.ok(T0, "\"e1\"", "L1"), List.of(entry("a", "A", T0)));
        feeds.recordPoll(feedId, Polls.failed(at(30), PollStatus.HTTP_ERROR, 503, "HTTP 503"), List.of());
        StoreCounts counts = feeds.recordPoll(feedId,
                Polls.failed(at(90), PollStatus.NETWORK_ERROR, 0, "connect timed out"), List.of());

        FeedRow row = row();
        assertThat(counts).isEqualTo(StoreCounts.NONE);
        assertThat(row.consecutiveFailures()).isEqualTo(2);
        assertThat(row.lastStatus()).isEqualTo(PollStatus.NETWORK_ERROR);
        assertThat(row.lastHttpStatus()).isZero();
        assertThat(row.lastError()).isEqualTo("connect timed out");
        assertThat(row.lastChecked()).isEqualTo(at(90));
        assertThat(row.lastSuccess()).isEqualTo(T0);
        assertThat(row.nextPoll()).isEqualTo(at(150));
        assertThat(row.etag()).isEqualTo("\"e1\"");
        assertThat(row.lastModified()).isEqualTo("L1");
        assertThat(entries.countForFeed(feedId)).isEqualTo(1);
    }

    @Test
    void notModifiedKeepsEntriesAndRefreshesOnlyTheGivenValidators() {
        feeds.recordPoll(feedId, Polls.ok(T0, "\"e1\"", "L1"), List.of(entry("a", "A", T0)));
        StoreCounts counts = feeds.recordPoll(feedId, Polls.notModified(at(30), "\"e2\"", null), List.of());

        FeedRow row = row();
        assertThat(counts).isEqualTo(StoreCounts.NONE);
        assertThat(row.etag()).isEqualTo("\"e2\"");
        assertThat(row.lastModified()).isEqualTo("L1");
        assertThat(row.lastStatus()).isEqualTo(PollStatus.NOT_MODIFIED);
        assertThat(row.lastSuccess()).isEqualTo(at(30));
        assertThat(row.sourceTitle()).isEqualTo("Source title");
        assertThat(entries.countForFeed(feedId)).isEqualTo(1);
    }

    @Test
    void successResetsTheFailureCountAndError() {
        feeds.recordPoll(feedId, Polls.failed(T0, PollStatus.PARSE_ERROR, 200, "not a feed"), List.of());
        feeds.recordPoll(feedId, Polls.failed(at(60), PollStatus.TOO_LARGE, 200, "over 10 MiB"), List.of());
        assertThat(row().consecutiveFailures()).isEqualTo(2);
        assertThat(row().lastSuccess()).isNull();

        feeds.recordPoll(feedId, Polls.notModified(at(120), null, null), List.of());

        assertThat(row().consecutiveFailures()).isZero();
        assertThat(row().lastError()).isNull();
        assertThat(row().lastSuccess()).isEqualTo(at(120));
    }

    @Test
    void aTransactionFailingMidwayLeavesNothingHalfWritten() {
        feeds.recordPoll(feedId, Polls.ok(T0, "\"e1\"", "L1"), List.of(entry("a", "A", T0)));
        NewEntry violatesCheck = new NewEntry("", "hash", null, null, "bad key", null, null, null, null, null);
        // Entries are written last-to-first: the bad one is last, after an update and an insert.
        List<NewEntry> document = List.of(violatesCheck, entry("b", "B", T0), entry("a", "A edited", T0));

        assertThatThrownBy(() -> feeds.recordPoll(feedId, Polls.ok(at(30), "\"e2\"", "L2"), document))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("feed " + feedId)
                .hasStackTraceContaining("CHECK constraint failed");

        assertThat(entries.newest(10)).extracting(MergedEntry::title).containsExactly("A");
        assertThat(row().lastChecked()).isEqualTo(T0);
        assertThat(row().etag()).isEqualTo("\"e1\"");
        assertThat(feeds.recordPoll(feedId, Polls.ok(at(60)), List.of(entry("b", "B", T0))))
                .as("the store is usable after the rollback").isEqualTo(new StoreCounts(1, 0, 0));
    }

    @Test
    void recordingAPollOfAnUnknownFeedFailsNamingIt() {
        assertThatThrownBy(() -> feeds.recordPoll(feedId + 1, Polls.ok(T0), List.of(entry("a", "A", T0))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("feed " + (feedId + 1));
        assertThat(entries.count()).isZero();
    }

    @Test
    void twoDifferentItemsSharingAGuidInOneDocumentAreBothKept() {
        List<ParsedEntry> document = List.of(
                parsed("https://site.test/", "https://site.test/1", "One"),
                parsed("https://site.test/", "https://site.test/2", "Two"),
                parsed("https://site.test/", "https://site.test/1", "One"));

        StoreCounts first = feeds.recordPoll(feedId, Polls.ok(T0), identified(document));
        StoreCounts second = feeds.recordPoll(feedId, Polls.ok(at(30)), identified(document));

        assertThat(first).isEqualTo(new StoreCounts(2, 0, 0));
        assertThat(second).isEqualTo(new StoreCounts(0, 0, 2));
        assertThat(entries.newest(10)).extracting(MergedEntry::title).containsExactly("One", "Two");
        assertThat(entries.newest(10)).extracting(MergedEntry::publicId).doesNotHaveDuplicates();
    }

    @Test
    void aWhitespaceOnlyEditIsUnchanged() {
        feeds.recordPoll(feedId, Polls.ok(T0), identified(List.of(parsed("g", "https://site.test/1", "A title"))));
        ParsedEntry reindented = new ParsedEntry("g", URI.create("https://site.test/1"), "  A\n  title ", null,
                "\n<p>A\n\t title</p>  ", null, null, null);
        StoreCounts counts = feeds.recordPoll(feedId, Polls.ok(at(30)), identified(List.of(reindented)));

        assertThat(counts).isEqualTo(new StoreCounts(0, 0, 1));
        assertThat(only().title()).isEqualTo("A title");
        assertThat(only().updated()).isNull();
    }

    @Test
    void htmlIsStoredAsTheFeedGaveItWithItsBase() {
        String raw = "<p onclick=\"steal()\">Hi <a href=\"../about\">about</a><script>steal()</script></p>";
        ParsedEntry entry = new ParsedEntry("g", URI.create("https://site.test/1"), "A", null, raw,
                URI.create("https://site.test/posts/1/"), null, null, null);
        feeds.recordPoll(feedId, Polls.ok(at(10)), identified(List.of(entry)));

        assertThat(only().content()).isEqualTo(raw);
        assertThat(only().htmlBase()).isEqualTo("https://site.test/posts/1/");
    }

    @Test
    void htmlStoredSanitisedIsNotAnEditWhenTheFeedGivesItAsBefore() {
        // Before schema version 8 the store kept HTML sanitised: the <font> tags were dropped.
        ParsedEntry sanitised = new ParsedEntry("g", URI.create("https://site.test/1"), "A", null,
                "<p>康银阁泰山红包卡19本，原封一箱</p>", null, null, null);
        ParsedEntry raw = new ParsedEntry("g", URI.create("https://site.test/1"), "A", null,
                "<p style=\"margin:0\"><font face=\"x\">康银阁泰山红包卡</font>19<font face=\"x\">本，原封一箱</font></p>",
                null, null, null);
        feeds.recordPoll(feedId, Polls.ok(at(10)), identified(List.of(sanitised)));
        List<NewEntry> asGiven = identified(List.of(raw));
        assertThat(asGiven.get(0).contentHash()).isNotEqualTo(identified(List.of(sanitised)).get(0).contentHash());

        StoreCounts counts = feeds.recordPoll(feedId, Polls.ok(at(30)), asGiven);

        assertThat(counts).isEqualTo(new StoreCounts(0, 0, 1));
        assertThat(only().updated()).isNull();
    }

    @Test
    void anEditThatMovesAWordBoundaryInHtmlStoredAsGivenIsAnUpdate() {
        // Both versions stored as the feed gave them (schema 8): only the words changed, 12 and 3 became 1 and 23.
        URI base = URI.create("https://site.test/results/");
        ParsedEntry before = new ParsedEntry("g", URI.create("https://site.test/1"), "Results", null,
                "<table><tr><td>Smith</td><td>12</td><td>3</td></tr></table>", base, null, null, null);
        ParsedEntry corrected = new ParsedEntry("g", URI.create("https://site.test/1"), "Results", null,
                "<table><tr><td>Smith</td><td>1</td><td>23</td></tr></table>", base, null, null, null);
        feeds.recordPoll(feedId, Polls.ok(at(10)), identified(List.of(before)));

        StoreCounts counts = feeds.recordPoll(feedId, Polls.ok(at(30)), identified(List.of(corrected)));

        assertThat(counts).isEqualTo(new StoreCounts(0, 1, 0));
        assertThat(only().content()).contains("<td>23</td>");
    }

    @Test
    void aLinklessEntryStoredSanitisedIsStillRecognisedWhenItsGuidChanges() {
        // Stored before schema version 8: sanitised (the <font> tags dropped), no base. Then the
        // publisher changes its guids, and the item is found again by its content hash.
        ParsedEntry sanitised = new ParsedEntry("old-1", null, "A", null, "<p>康银阁泰山红包卡19本，原封一箱</p>", null,
                null, null);
        ParsedEntry raw = new ParsedEntry("new-1", null, "A", null,
                "<p><font face=\"x\">康银阁泰山红包卡</font>19<font face=\"x\">本，原封一箱</font></p>",
                URI.create("https://site.test/"), null, null, null);
        feeds.recordPoll(feedId, Polls.ok(at(10)), identified(List.of(sanitised)));

        StoreCounts counts = feeds.recordPoll(feedId, Polls.ok(at(30)), identified(List.of(raw)));

        assertThat(counts).isEqualTo(new StoreCounts(0, 0, 1));
        assertThat(entries.count()).isEqualTo(1);
    }

    @Test
    void aTombstoneLeftBeforeSchemaEightBuriesTheSameLinklessItemRawUnderANewGuid() {
        // Deleted before schema version 8: its tombstone holds the hash of the sanitised HTML.
        ParsedEntry sanitised = new ParsedEntry("old-1", null, "A", null, "<p>康银阁泰山红包卡19本，原封一箱</p>", null,
                null, null);
        String hashThen = identified(List.of(sanitised)).get(0).contentHash();
        database.write("bury", connection -> {
            try (java.sql.PreparedStatement bury = connection.prepareStatement("""
                    INSERT INTO tombstones (feed_id, entry_key, canonical_url, content_hash, deleted_at)
                    VALUES (?, 'guid:old-1', NULL, ?, 0)""")) {
                bury.setLong(1, feedId);
                bury.setString(2, hashThen);
                return bury.executeUpdate();
            }
        });
        ParsedEntry raw = new ParsedEntry("new-1", null, "A", null,
                "<p><font face=\"x\">康银阁泰山红包卡</font>19<font face=\"x\">本，原封一箱</font></p>",
                URI.create("https://site.test/"), null, null, null);

        StoreCounts counts = feeds.recordPoll(feedId, Polls.ok(at(30)), identified(List.of(raw)));

        assertThat(counts).isEqualTo(new StoreCounts(0, 0, 1));
        assertThat(entries.count()).isZero();
    }

    private static ParsedEntry parsed(String guid, String link, String title) {
        return new ParsedEntry(guid, URI.create(link), title, null, "<p>" + title + "</p>", null, null, null);
    }

    /** What the poll stage does between dedup and store. */
    private static List<NewEntry> identified(List<ParsedEntry> document) {
        return new EntryIdentity().identify(document).stream().map(FeedStoreTest::toNewEntry).toList();
    }

    private static NewEntry toNewEntry(IdentifiedEntry identified) {
        ParsedEntry e = identified.entry();
        return new NewEntry(identified.key(), identified.contentHash(), e.guid(),
                e.link() == null ? null : e.link().toString(), e.title(), e.summary(), e.content(), e.author(),
                e.published(), e.updated(), identified.keys(), identified.normalised(),
                e.htmlBase() == null ? null : e.htmlBase().toString());
    }
}
