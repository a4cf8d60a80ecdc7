package org.feedmerge.conformance;

import java.util.Objects;

/**
 * One merged document as the endpoint answered.
 *
 * @param status the HTTP status (0 when the request itself failed)
 * @param body   the bytes, empty when there were none
 */
record Rendered(int status, byte[] body) {
    static final Rendered NONE = new Rendered(0, new byte[0]);

    Rendered {
        Objects.requireNonNull(body, "body");
    }

    boolean ok() {
        return status == 200;
    }
}
