package org.feedmerge.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Stored fingerprints (entry_prints.shingles, entries.anchors, story_anchors) must not change for the
 * same text: entries stored earlier are matched against new ones by these exact values. The
 * expected values were computed by the first released fingerprint code; a faster implementation
 * must reproduce them.
 */
class StoryFingerprintFormatTest {

    private static final String TEXT = "<p>Paris — Leaders from 35 countries met on Thursday at the Élysée Palace to "
            + "discuss Ukraine’s security guarantees, a meeting officials described as “the most serious yet”.</p>"
            + "<p>The French president said the coalition of the willing would deploy a reassurance force after a "
            + "ceasefire, one of the clearest commitments so far. Café owners nearby said the streets were closed for "
            + "hours; ﬁnal details are due next week, according to officials. The ministry said the talks would "
            + "continue in Berlin.</p>";

    @Test
    void shinglesAndAnchorsOfAFixedTextAreTheStoredFormat() {
        StoryFingerprint fingerprint = StoryFingerprint.of("Leaders meet in Paris",
                "https://www.example.com/a?utm_source=x", null, TEXT);

        assertThat(HexFormat.of().formatHex(fingerprint.shingleBytes())).isEqualTo(
                "808ee51783b0cd2584e8ce8a8b0c2e818c241aa491dbcc4995e98a9d9bf42cf19dd6290aa2a683ada52cfd3ba962ea55ac4551feafd4078cb0ecf89cb202d1b1b2f16f40b411ff2fb417892db495ee53b78e9321b7e5a853b86eb711bd825a38c7f8f07fd14cddf8d3dc1a00d4a9fd3ed5891d46d6bbea9ed8bd8d53dad015d9dfe4a8bae3f64348e58c2cfae8ed7477f2279a8ef269e701faf02f41fc99c659fcf7e239fece159c0417b4560f1303110f6205af1061421612697525177062d719b6550c1b8d38161f37aa112333f33f295b76bf2dd7c5a42f9732f130703e3d30daf2cd3200593733a2841834242476342859a039d22cad430be2c743be694d448e192d45803af14c6743b8538fcd5056e676595a9865fa5f6f33826ee6a0497052480d713a8ad079182ca57dc856c0");
        assertThat(fingerprint.anchors()).containsExactly(-1345058932, -1292800192, -1115530696, -740550144, 866288664, 875059616, 1281835960, 1401933136, 1899662032, 2110281408);
    }
}
