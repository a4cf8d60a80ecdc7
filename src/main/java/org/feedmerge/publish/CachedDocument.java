package org.feedmerge.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * One rendered document in both encodings, with everything a response needs precomputed, so that
 * serving it allocates nothing but headers. The two encodings are distinct representations and
 * get distinct strong ETags (RFC 9110 §8.8.3.3): the gzip one carries a {@code -gz} suffix.
 * Never mutate the arrays.
 */
final class CachedDocument {

    final FeedFormat format;
    final byte[] identity;
    final byte[] gzip;
    final String identityEtag;
    final String gzipEtag;
    final String identityLength;
    final String gzipLength;
    final Instant lastModified;
    final String lastModifiedHeader;

    private CachedDocument(FeedFormat format, byte[] identity, byte[] gzip, String hash, Instant lastModified) {
        this.format = format;
        this.identity = identity;
        this.gzip = gzip;
        this.identityEtag = '"' + hash + '"';
        this.gzipEtag = '"' + hash + "-gz\"";
        this.identityLength = Integer.toString(identity.length);
        this.gzipLength = Integer.toString(gzip.length);
        this.lastModified = lastModified;
        this.lastModifiedHeader = HttpDates.format(lastModified);
    }

    /** @param lastModified at whole seconds, as HTTP dates have no finer resolution */
    static CachedDocument of(FeedFormat format, byte[] body, Instant lastModified) {
        return new CachedDocument(format, body, gzip(body), hash(body), lastModified);
    }

    boolean hasSameBytes(byte[] body) {
        return Arrays.equals(identity, body);
    }

    byte[] body(boolean gzipped) {
        return gzipped ? gzip : identity;
    }

    String etag(boolean gzipped) {
        return gzipped ? gzipEtag : identityEtag;
    }

    String length(boolean gzipped) {
        return gzipped ? gzipLength : identityLength;
    }

    /** The first 128 bits of SHA-256 in hex: collisions are not a practical concern at that size. */
    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    /** Deterministic: Java writes no file name and a zero mtime into the gzip header. */
    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory failed", e);
        }
        return compressed.toByteArray();
    }
}
