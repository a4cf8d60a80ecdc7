package org.feedmerge.dedup;

import java.util.Objects;

/**
 * An entry's link and text as deduplication compares them, worked out once per entry: the
 * substance hash ({@link Substance}), the story fingerprint ({@link StoryFingerprint}) and the
 * store (canonical link index, tombstones) all read them. On a first poll, when every entry is new,
 * working them out again at each of those places was among the larger single costs of the poll
 * threads, and of the store's one writer (docs/performance.md).
 *
 * <p>Only {@link #of} makes one, so the derived values always belong to the link, summary and
 * content it was made from, and {@link #isOf} tells a holder whether they are its own. Immutable;
 * equal when made from equal link, summary and content.
 */
public final class Normalised {

    private final String link;
    private final String summaryHtml;
    private final String contentHtml;
    private final String canonicalLink;
    private final String summary;
    private final String content;

    private Normalised(String link, String summaryHtml, String contentHtml) {
        this.link = link;
        this.summaryHtml = summaryHtml;
        this.contentHtml = contentHtml;
        this.canonicalLink = CanonicalUrl.of(link);
        this.summary = PlainText.of(summaryHtml);
        this.content = PlainText.of(contentHtml);
    }

    /** From the entry's link, summary HTML and content HTML, any of which may be null. */
    public static Normalised of(String link, String summaryHtml, String contentHtml) {
        return new Normalised(link, summaryHtml, contentHtml);
    }

    /** True when this was made from these (cheap when they are the same objects). */
    public boolean isOf(String link, String summaryHtml, String contentHtml) {
        return Objects.equals(this.link, link) && Objects.equals(this.summaryHtml, summaryHtml)
                && Objects.equals(this.contentHtml, contentHtml);
    }

    /** The link in canonical form ({@link CanonicalUrl#of}), or null. */
    public String canonicalLink() {
        return canonicalLink;
    }

    /** The summary's visible text ({@link PlainText#of}); "" when there is none. */
    public String summary() {
        return summary;
    }

    /** The content's visible text; "" when there is none. */
    public String content() {
        return content;
    }

    /** What a story is recognised by: the content, or the summary when there is no content text. */
    public String body() {
        return content.isEmpty() ? summary : content;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Normalised that && isOf(that.link, that.summaryHtml, that.contentHtml);
    }

    @Override
    public int hashCode() {
        return Objects.hash(link, summaryHtml, contentHtml);
    }

    @Override
    public String toString() {
        return "Normalised[canonicalLink=" + canonicalLink + ", summary=" + summary.length() + " chars, content="
                + content.length() + " chars]";
    }
}
