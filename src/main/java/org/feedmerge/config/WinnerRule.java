package org.feedmerge.config;

import java.util.Locale;

/** Which copy of a story published by several feeds the merged feed shows. */
public enum WinnerRule {
    /** A feed marked {@code original: true} beats the others; among equals, the earliest published copy. */
    ORIGINAL_THEN_EARLIEST,
    /** The earliest published copy, whatever its feed. */
    EARLIEST,
    /** The copy from the feed listed first in the config. */
    CONFIG_ORDER;

    /** The spelling used in the config file, e.g. {@code original-then-earliest}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
