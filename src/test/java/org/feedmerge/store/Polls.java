package org.feedmerge.store;

import java.time.Duration;
import java.time.Instant;

/** Small factories for the values a poll hands to the store. */
final class Polls {

    static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    private Polls() {
    }

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static PollRecord ok(Instant checkedAt) {
        return ok(checkedAt, "\"v1\"", "Wed, 01 May 2024 12:00:00 GMT");
    }

    static PollRecord ok(Instant checkedAt, String etag, String lastModified) {
        return new PollRecord(checkedAt, PollStatus.OK, 200, null, etag, lastModified,
                checkedAt.plus(Duration.ofMinutes(30)), "Source title", "https://site.test/");
    }

    static PollRecord notModified(Instant checkedAt, String etag, String lastModified) {
        return new PollRecord(checkedAt, PollStatus.NOT_MODIFIED, 304, null, etag, lastModified,
                checkedAt.plus(Duration.ofMinutes(30)), null, null);
    }

    static PollRecord failed(Instant checkedAt, PollStatus status, int httpStatus, String error) {
        return new PollRecord(checkedAt, status, httpStatus, error, null, null,
                checkedAt.plus(Duration.ofHours(1)), null, null);
    }

    /** An entry keyed by guid whose content hash is derived from the title (tests edit titles). */
    static NewEntry entry(String guid, String title, Instant published) {
        return new NewEntry("guid:" + guid, "hash-" + title, guid, "https://site.test/" + guid, title,
                "<p>" + title + "</p>", null, "author", published, null);
    }
}
