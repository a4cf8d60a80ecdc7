package org.feedmerge.publish;

import java.util.List;

/**
 * The short line that names a story's other sources inside the item's HTML, for readers that show
 * neither Atom {@code link rel="via"} nor anything but the text: {@code <p>Also in: <a
 * href="…">Feed B</a>, Feed C</p>}.
 */
final class AlsoIn {

    private AlsoIn() {
    }

    /** The HTML with the line appended, or the HTML unchanged when there are no other sources (null stays null). */
    static String append(String html, List<OtherSource> sources) {
        if (sources.isEmpty() || html == null) {
            return html;
        }
        return html + "\n" + line(sources);
    }

    /** The line alone, or null when there are no other sources. */
    static String line(List<OtherSource> sources) {
        if (sources.isEmpty()) {
            return null;
        }
        StringBuilder html = new StringBuilder("<p>Also in: ");
        for (int i = 0; i < sources.size(); i++) {
            if (i > 0) {
                html.append(", ");
            }
            OtherSource source = sources.get(i);
            if (source.link() != null) {
                html.append("<a href=\"").append(escape(source.link())).append("\">")
                        .append(escape(source.name())).append("</a>");
            } else {
                html.append(escape(source.name()));
            }
        }
        return html.append("</p>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
