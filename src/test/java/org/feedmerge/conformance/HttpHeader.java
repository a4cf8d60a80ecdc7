package org.feedmerge.conformance;

import java.util.Objects;

/** One response header as a corpus file records it, served verbatim. */
record HttpHeader(String name, String value) {
    HttpHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
