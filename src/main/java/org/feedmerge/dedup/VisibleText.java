package org.feedmerge.dedup;

/**
 * The visible text ({@link PlainText#of}) of an entry's summary and content, worked out once per
 * entry: the substance hash ({@link Substance}) and the story fingerprint ({@link StoryFingerprint})
 * both read it, and on a first poll, when every entry is new, extracting it twice was one of the
 * larger single costs on the poll threads (docs/performance.md).
 *
 * @param summary the summary's visible text, whitespace-collapsed; "" when there is none
 * @param content the content's visible text, whitespace-collapsed; "" when there is none
 */
public record VisibleText(String summary, String content) {

    public VisibleText {
        summary = summary == null ? "" : summary;
        content = content == null ? "" : content;
    }

    /** The visible text of the entry's summary and content HTML, either of which may be null. */
    public static VisibleText of(String summaryHtml, String contentHtml) {
        return new VisibleText(PlainText.of(summaryHtml), PlainText.of(contentHtml));
    }

    /** What a story is recognised by: the content, or the summary when there is no content text. */
    public String body() {
        return content.isEmpty() ? summary : content;
    }
}
