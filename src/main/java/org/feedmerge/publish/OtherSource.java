package org.feedmerge.publish;

import java.util.Objects;

/**
 * Another feed that carries the story of a merged item, ready to write.
 *
 * @param name the feed's display title, never blank
 * @param link an absolute IRI to that feed's copy (else its site), or null
 */
record OtherSource(String name, String link) {
    OtherSource {
        Objects.requireNonNull(name, "name");
    }
}
