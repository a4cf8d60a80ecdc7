package org.feedmerge.dedup;

/**
 * An entry's link and text as deduplication compares them, worked out once per entry: the
 * substance hash ({@link Substance}), the story fingerprint ({@link StoryFingerprint}) and the
 * store (canonical link index, tombstones) all read them. On a first poll, when every entry is new,
 * working them out again at each of those places was among the larger single costs of the poll
 * threads, and of the store's one writer (docs/performance.md).
 *
 * @param canonicalLink the link in canonical form ({@link CanonicalUrl#of}), or null
 * @param summary       the summary's visible text ({@link PlainText#of}); "" when there is none
 * @param content       the content's visible text; "" when there is none
 */
public record Normalised(String canonicalLink, String summary, String content) {

    public Normalised {
        summary = summary == null ? "" : summary;
        content = content == null ? "" : content;
    }

    /** From the entry's link, summary HTML and content HTML, any of which may be null. */
    public static Normalised of(String link, String summaryHtml, String contentHtml) {
        return new Normalised(CanonicalUrl.of(link), PlainText.of(summaryHtml), PlainText.of(contentHtml));
    }

    /** What a story is recognised by: the content, or the summary when there is no content text. */
    public String body() {
        return content.isEmpty() ? summary : content;
    }
}
