package org.feedmerge.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.feedmerge.store.StoreStats;

/**
 * The status document as JSON: {@code {"feeds": [ {...}, ... ], "database": {...}}}, one object per feed with every
 * field of {@link FeedStatus} always present (null when unknown), times as RFC 3339 UTC strings.
 * Field names are a public interface: add, never rename.
 */
public final class StatusJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusJson() {
    }

    /** UTF-8 JSON, indented for people reading it with curl. */
    public static byte[] write(StatusDocument status) {
        ObjectNode document = JSON.createObjectNode();
        ArrayNode array = document.putArray("feeds");
        status.feeds().forEach(feed -> array.add(toJson(feed)));
        if (status.database() != null) {
            document.set("database", toJson(status.database()));
        }
        try {
            return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the status document", e);
        }
    }

    private static ObjectNode toJson(FeedStatus feed) {
        ObjectNode node = JSON.createObjectNode();
        node.put("url", feed.url().toString());
        node.put("title", feed.title());
        node.put("currentUrl", feed.currentUrl() == null ? null : feed.currentUrl().toString());
        node.put("movedAt", time(feed.movedAt()));
        node.put("lastStatus", feed.lastStatus());
        node.put("httpStatus", feed.httpStatus());
        node.put("lastError", feed.lastError());
        node.put("consecutiveFailures", feed.consecutiveFailures());
        node.put("lastChecked", time(feed.lastChecked()));
        node.put("lastSuccess", time(feed.lastSuccess()));
        node.put("nextPoll", time(feed.nextPoll()));
        node.put("nextPollRule", feed.nextPollRule());
        node.put("retired", feed.retired());
        node.put("retiredAt", time(feed.retiredAt()));
        node.put("keyScheme", feed.keyScheme());
        return node;
    }

    private static ObjectNode toJson(StoreStats database) {
        ObjectNode node = JSON.createObjectNode();
        node.put("fileBytes", database.databaseBytes());
        node.put("walBytes", database.walBytes());
        node.put("freeBytes", database.freeBytes());
        ObjectNode rows = node.putObject("rows");
        database.rows().forEach(rows::put);
        return node;
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
