package org.feedmerge.conformance;

/** Text squeezed onto one report line: whitespace runs collapsed, long values cut. */
final class OneLine {
    static final int MAX = 160;

    private OneLine() {
    }

    static String of(Throwable e) {
        return of(e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    static String of(Object value) {
        if (value == null) {
            return "(none)";
        }
        String line = value.toString().replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
        return line.length() <= MAX ? line : line.substring(0, MAX) + "…";
    }
}
