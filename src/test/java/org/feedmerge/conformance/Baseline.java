package org.feedmerge.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The committed pass counts ({@code conformance/baseline.properties}, {@code folder/check = passed})
 * that a run must reach: the ratchet. Raise a number when fixes land; never lower one without
 * saying why in the commit.
 */
final class Baseline {
    static final String RESOURCE = "/conformance/baseline.properties";

    private final Map<String, Integer> minimums;

    private Baseline(Map<String, Integer> minimums) {
        this.minimums = Map.copyOf(minimums);
    }

    static Baseline load() {
        Properties properties = new Properties();
        try (InputStream in = Baseline.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Map<String, Integer> minimums = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> minimums.put(name, Integer.parseInt(properties.getProperty(name).strip())));
        return new Baseline(minimums);
    }

    /** The committed minimum for {@code folder/check}, 0 when it has none yet. */
    int minimum(String name) {
        return minimums.getOrDefault(name, 0);
    }

    Map<String, Integer> all() {
        return new TreeMap<>(minimums);
    }
}
