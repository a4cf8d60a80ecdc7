package org.feedmerge.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;

/**
 * Atom 1.0 text constructs and content (RFC 4287 §3.1, §4.1.3) in shapes lenient readers accept,
 * rewritten in place into ones Rome reads:
 * <ul>
 *   <li>a media type that is neither text nor XML means base64 (§4.1.3.3). When the decoded bytes
 *       are UTF-8 text, as publishers who do this mean them, they are kept as HTML (sanitised
 *       like any other when republished); real binary stays opaque and is dropped later;</li>
 *   <li>{@code type="html"} whose escaped markup sits inside an XHTML {@code <div>} (TypePad):
 *       the escaped text is the HTML, the div a mistake.</li>
 * </ul>
 */
final class AtomTextRepair {
    private static final Namespace XHTML = Namespace.getNamespace("http://www.w3.org/1999/xhtml");
    private static final Set<String> CONSTRUCTS = Set.of("title", "subtitle", "summary", "content", "rights");

    private AtomTextRepair() {
    }

    static void repair(Element root) {
        List<Element> elements = new ArrayList<>();
        root.getDescendants(Filters.element(root.getNamespace())).forEach(elements::add);
        for (Element element : elements) {
            if (!CONSTRUCTS.contains(element.getName()) || element.getAttribute("src") != null) {
                continue;
            }
            String type = element.getAttributeValue("type");
            if (isBase64MediaType(type)) {
                decodeText(element);
            } else if ("html".equals(type)) {
                unwrapEscapedDiv(element);
            }
        }
    }

    /** Not text, html, xhtml, text/*, nor an XML type: base64 by RFC 4287 §4.1.3.3. */
    private static boolean isBase64MediaType(String type) {
        if (type == null || type.indexOf('/') < 0) {
            return false;
        }
        String mime = type.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
        return !mime.startsWith("text/") && !mime.endsWith("/xml") && !mime.endsWith("+xml");
    }

    private static void decodeText(Element element) {
        String text = utf8Text(element.getTextTrim());
        if (text != null) {
            element.setText(text);
            element.setAttribute("type", "html");
        }
    }

    /** The base64 payload as text, or null when it is not base64 of printable UTF-8. */
    private static String utf8Text(String base64) {
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(base64);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.isBlank() || text.chars().anyMatch(AtomTextRepair::isBinary) ? null : text;
        } catch (IllegalArgumentException | CharacterCodingException notText) {
            return null;
        }
    }

    private static boolean isBinary(int c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }

    private static void unwrapEscapedDiv(Element element) {
        List<Element> children = element.getChildren();
        if (children.size() == 1 && children.get(0).getName().equals("div")
                && children.get(0).getNamespace().equals(XHTML) && children.get(0).getChildren().isEmpty()
                && element.getTextTrim().isEmpty()) {
            element.setText(children.get(0).getText());
        }
    }
}
