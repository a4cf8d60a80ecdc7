package org.feedmerge.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.Text;
import org.jdom2.filter.Filters;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * Markup embedded in a feed as XML elements (an RSS {@code <body>}), serialised as an HTML string.
 * Namespaces are dropped, and an empty element that HTML does not know as void is written with an
 * end tag: HTML parsers ignore the {@code />} of {@code <iframe/>} or {@code <script/>}, so the
 * text after it would be swallowed as that element's content and removed with it.
 */
final class InlineMarkup {
    /** HTML void elements (HTML Living Standard §13.1.2): the only ones a self-closing tag ends. */
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "param", "source", "track", "wbr");
    /** Raw: whitespace exactly as written; no declaration, the content only is printed. */
    private static final XMLOutputter OUTPUTTER = new XMLOutputter(Format.getRawFormat());

    private InlineMarkup() {
    }

    /** The content of {@code container} (not its own tags) as HTML. */
    static String toHtml(Element container) {
        Element copy = container.clone();
        List<Element> elements = new ArrayList<>();
        copy.getDescendants(Filters.element()).forEach(elements::add);
        for (Element element : elements) {
            element.setNamespace(Namespace.NO_NAMESPACE);
            List.copyOf(element.getAdditionalNamespaces()).forEach(element::removeNamespaceDeclaration);
            if (element.getContentSize() == 0 && !VOID.contains(element.getName().toLowerCase(Locale.ROOT))) {
                element.addContent(new Text(""));
            }
        }
        return OUTPUTTER.outputString(copy.getContent());
    }
}
