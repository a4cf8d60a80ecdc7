package org.feedmerge.bench;

import java.util.SplittableRandom;

/**
 * The fixed traits of one farm feed, drawn from (seed, index) alone so that any process can
 * compute them without generating documents.
 *
 * @param index        position in the farm, 0-based
 * @param format       RSS 2.0 (60%), Atom 1.0 (30%) or RSS 1.0/RDF (10%)
 * @param latin1       encoded as ISO-8859-1 (10%)
 * @param html         item text is HTML (60%) rather than plain text
 * @param fullContent  items carry full content besides the summary (50%)
 * @param itemCount    items in the document, 10..50
 * @param validators   which validators the server sends
 * @param charsetInHeader whether Content-Type names the charset
 * @param hourStep     hours between two consecutive items
 */
record FeedProfile(
        int index,
        FarmFormat format,
        boolean latin1,
        boolean html,
        boolean fullContent,
        int itemCount,
        Validators validators,
        boolean charsetInHeader,
        int hourStep) {

    /** Every feed sends at least one validator, so a warm cycle is all 304. */
    enum Validators { ETAG_AND_LAST_MODIFIED, ETAG_ONLY, LAST_MODIFIED_ONLY }

    static FeedProfile of(long seed, int index) {
        SplittableRandom random = new SplittableRandom(FarmText.mix(seed, index, -1));
        int f = random.nextInt(100);
        FarmFormat format = f < 60 ? FarmFormat.RSS2 : f < 90 ? FarmFormat.ATOM : FarmFormat.RDF;
        int v = random.nextInt(100);
        Validators validators = v < 70 ? Validators.ETAG_AND_LAST_MODIFIED
                : v < 90 ? Validators.ETAG_ONLY : Validators.LAST_MODIFIED_ONLY;
        return new FeedProfile(index, format, random.nextInt(10) == 0, random.nextInt(10) < 6,
                random.nextBoolean(), 10 + random.nextInt(41), validators, random.nextBoolean(),
                1 + random.nextInt(24));
    }

    String contentType() {
        if (!charsetInHeader) {
            return format.mediaType;
        }
        return format.mediaType + "; charset=" + (latin1 ? "ISO-8859-1" : "utf-8");
    }

    String path() {
        return "/feeds/" + index + "." + format.extension;
    }
}
