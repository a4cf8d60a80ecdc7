package org.feedmerge.parse;

import java.util.Set;
import org.jsoup.nodes.Entities;

/**
 * Mends, in one pass and before the XML parser sees the text, what a lenient feed reader forgives.
 * Returns the very same String when there was nothing to mend (the common case: no copy).
 *
 * <p>Before the root element: see {@link PrologRepair}. After it, outside CDATA sections,
 * comments and PIs:
 * <ul>
 *   <li>HTML named entities not declared in the internal DTD subset ({@code &hellip;},
 *       {@code &nbsp;}, all of HTML5) become numeric character references;</li>
 *   <li>a bare {@code &} (no name, no {@code ;}, an unknown name) becomes {@code &amp;}, and a
 *       {@code <} that cannot start markup becomes {@code &lt;};</li>
 *   <li>characters XML 1.0 §2.2 forbids (C0 controls, lone surrogates, U+FFFE/FFFF), raw or as
 *       character references, are removed; everywhere, CDATA included;</li>
 *   <li>C1 controls (U+0080-U+009F), raw or as references, become the windows-1252 characters
 *       they always are in feeds (a curly quote, not a control), as HTML5 does for references.</li>
 * </ul>
 */
final class XmlRepair {
    private static final int MAX_ENTITY_NAME = 40;
    private static final int MAX_REFERENCE_DIGITS = 8;
    private static final String[] PREDEFINED = {"amp", "lt", "gt", "quot", "apos"};

    private final String in;
    private final int length;
    private final LazyEdit edit;
    private final Set<String> declaredEntities;

    private XmlRepair(String text, LazyEdit edit, Set<String> declaredEntities) {
        this.in = text;
        this.length = text.length();
        this.edit = edit;
        this.declaredEntities = declaredEntities;
    }

    static String repair(String text) {
        LazyEdit edit = new LazyEdit(text);
        PrologRepair prolog = new PrologRepair(text, edit);
        int root = prolog.mend();
        new XmlRepair(text, edit, prolog.declaredEntities()).body(root);
        return edit.result();
    }

    private void body(int from) {
        int i = from;
        while (i < length) {
            char c = in.charAt(i);
            if (c >= 0x20 && c < 0x7F && c != '<' && c != '&') {
                i++;
            } else if (c == '<') {
                i = markup(i);
            } else if (c == '&') {
                i = reference(i);
            } else {
                i = character(i, c);
            }
        }
    }

    private int markup(int lt) {
        if (in.startsWith("<![CDATA[", lt)) {
            return verbatim(lt + 9, "]]>");
        }
        if (in.startsWith("<!--", lt)) {
            return verbatim(lt + 4, "-->");
        }
        if (in.startsWith("<?", lt)) {
            return verbatim(lt + 2, "?>");
        }
        char next = lt + 1 < length ? in.charAt(lt + 1) : ' ';
        if (!Prolog.isNameStart(next) && next != '/' && next != '!') {
            edit.replace(lt, lt + 1, "&lt;");
        }
        return lt + 1;
    }

    /** CDATA, comments and PIs keep their text; only characters XML forbids are mended. */
    private int verbatim(int from, String close) {
        int end = in.indexOf(close, from);
        end = end < 0 ? length : end + close.length();
        int i = from;
        while (i < end) {
            char c = in.charAt(i);
            i = c >= 0x20 && c < 0x7F ? i + 1 : character(i, c);
        }
        return end;
    }

    private int character(int i, char c) {
        if (c == '\t' || c == '\n' || c == '\r' || (c > 0x9F && c < 0xD800)) {
            return i + 1;
        }
        if (c >= 0x80 && c <= 0x9F) {
            char mapped = CharsetLabels.windows1252(c);
            if (mapped != c) {
                edit.replace(i, i + 1, String.valueOf(mapped));
            }
            return i + 1;
        }
        if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(in.charAt(i + 1))) {
            return i + 2;
        }
        if (c < 0x20 || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
            edit.drop(i, i + 1);
        }
        return i + 1;
    }

    private int reference(int amp) {
        if (amp + 1 < length && in.charAt(amp + 1) == '#') {
            return characterReference(amp);
        }
        int nameEnd = nameEnd(amp + 1);
        if (nameEnd == amp + 1 || nameEnd >= length || in.charAt(nameEnd) != ';') {
            edit.replace(amp, amp + 1, "&amp;");
            return amp + 1;
        }
        if (isPredefined(amp + 1, nameEnd)) {
            return nameEnd + 1;
        }
        String name = in.substring(amp + 1, nameEnd);
        if (declaredEntities.contains(name)) {
            return nameEnd + 1;
        }
        String value = Entities.isNamedEntity(name) ? Entities.getByName(name) : "";
        if (value.isEmpty()) {
            edit.replace(amp, amp + 1, "&amp;"); // &unknown; is text, as in HTML
            return amp + 1;
        }
        edit.replace(amp, nameEnd + 1, numericReferences(value));
        return nameEnd + 1;
    }

    /** {@code &#NNN;} / {@code &#xHHH;}: kept if XML allows the character, else mended. */
    private int characterReference(int amp) {
        int i = amp + 2;
        boolean hex = i < length && (in.charAt(i) == 'x' || in.charAt(i) == 'X');
        int radix = hex ? 16 : 10;
        int digits = hex ? i + 1 : i;
        int end = digits;
        long value = 0;
        while (end < length && end - digits < MAX_REFERENCE_DIGITS && Character.digit(in.charAt(end), radix) >= 0) {
            value = value * radix + Character.digit(in.charAt(end), radix);
            end++;
        }
        if (end == digits || end >= length || in.charAt(end) != ';') {
            edit.replace(amp, amp + 1, "&amp;");
            return amp + 1;
        }
        int codePoint = (int) value;
        if (codePoint >= 0x80 && codePoint <= 0x9F) {
            codePoint = CharsetLabels.windows1252(codePoint);
        }
        if (!Prolog.isXmlChar(codePoint)) {
            edit.drop(amp, end + 1);
        } else if (codePoint != value || in.charAt(i) == 'X') {
            edit.replace(amp, end + 1, "&#" + codePoint + ";");
        }
        return end + 1;
    }

    private int nameEnd(int from) {
        if (from >= length || !Prolog.isNameStart(in.charAt(from))) {
            return from;
        }
        int i = from + 1;
        while (i < length && i - from < MAX_ENTITY_NAME && isNameChar(in.charAt(i))) {
            i++;
        }
        return i;
    }

    private boolean isPredefined(int from, int to) {
        for (String name : PREDEFINED) {
            if (name.length() == to - from && in.startsWith(name, from)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':';
    }

    private static String numericReferences(String value) {
        StringBuilder references = new StringBuilder();
        value.codePoints().forEach(cp -> references.append("&#").append(cp).append(';'));
        return references.toString();
    }
}
