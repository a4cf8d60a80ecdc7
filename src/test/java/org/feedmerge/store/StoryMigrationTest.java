package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stories migration on a database that already holds entries. */
class StoryMigrationTest {

    @TempDir
    Path dir;

    @Test
    void entriesOfAVersionOneDatabaseBecomeOneStoryEach() throws Exception {
        Path file = dir.resolve("v1.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            Migrations.applyUpTo(connection, 1);
            statement.execute("INSERT INTO feeds (id, url) VALUES (1, 'https://a.test/feed')");
            statement.execute("""
                    INSERT INTO entries (feed_id, entry_key, public_id, title, published, first_seen, content_hash)
                    VALUES (1, 'guid:1', '1', 'Old one', 1000, 2000, 'h1'), (1, 'guid:2', '2', 'Old two', 3000, 4000, 'h2')""");
        }

        try (Database database = Database.open(file)) {
            assertThat(new EntryStore(database).newest(10)).extracting(MergedEntry::publicId, MergedEntry::title)
                    .containsExactly(tuple("2", "Old two"), tuple("1", "Old one"));
            assertThat(StoreStats.read(database).rows()).containsEntry("stories", 2L);
        }
    }
}
