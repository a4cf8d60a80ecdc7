package org.feedmerge.poll;

import java.util.random.RandomGenerator;

/** A random source that always draws the middle of the range: the policy then adds no jitter. */
final class CenteredRandom implements RandomGenerator {
    @Override
    public long nextLong() {
        return 0;
    }

    @Override
    public double nextDouble() {
        return 0.5;
    }
}
