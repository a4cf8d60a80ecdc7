package org.feedmerge.dedup;

/**
 * Fast, fixed 64-bit hashing for fingerprints. Stored fingerprints depend on these exact
 * functions: changing them needs a migration that recomputes every stored shingle and anchor.
 */
final class Hashing {

    private Hashing() {
    }

    /** 64-bit FNV-1a over the UTF-16 code units, finished with {@link #mix}. */
    static long of(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** The SplitMix64 / Murmur3 finaliser: every input bit affects every output bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
