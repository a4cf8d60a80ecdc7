package org.feedmerge.parse;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prolog half of {@link XmlRepair}. XML 1.0 §2.8 allows only a declaration first, then
 * comments, PIs, one DOCTYPE and whitespace before the root element; feeds arrive with more.
 * Anything before a declaration found in the first few KB is dropped (PHP warnings, blank lines,
 * comments, BOM characters), so is text junk between prolog items and a second declaration, and
 * a non-feed element closely followed by a feed root ({@code <br />} from an error message, then
 * {@code <rss>}) is dropped up to that root. Also notes the entities the internal subset declares.
 */
final class PrologRepair {
    private static final int DECLARATION_WINDOW = 4096;
    private static final String[] FEED_ROOTS = {"<rss", "<feed", "<rdf:RDF", "<RDF"};
    private static final Pattern ENTITY_DECLARATION = Pattern.compile("<!ENTITY\\s+([^\\s%][^\\s\"']*)");

    private final String in;
    private final int length;
    private final LazyEdit edit;
    private Set<String> declaredEntities = Set.of();

    PrologRepair(String text, LazyEdit edit) {
        this.in = text;
        this.length = text.length();
        this.edit = edit;
    }

    /** Entity names the internal DTD subset declares (their references must be left alone). */
    Set<String> declaredEntities() {
        return declaredEntities;
    }

    /** Mends the prolog; returns where the root element starts (or the end of the text). */
    int mend() {
        int start = skipWhitespaceAndBoms(0);
        int declaration = declarationStart(start);
        if (declaration < 0) {
            dropByteOrderMarks(0, start);
            return miscellany(start);
        }
        edit.drop(0, declaration);
        int end = Prolog.skipPast(in, declaration + 2, "?>");
        return end < 0 ? length : miscellany(end);
    }

    /** Comments, PIs, a DOCTYPE and whitespace up to the root; junk in between is dropped. */
    private int miscellany(int from) {
        int i = from;
        while (i < length) {
            char c = in.charAt(i);
            if (Prolog.isXmlSpace(c)) {
                i++;
            } else if (c == '\uFEFF') {
                edit.drop(i, i + 1);
                i++;
            } else if (in.startsWith("<!--", i) || in.startsWith("<?", i)) {
                i = commentOrInstruction(i);
            } else if (in.startsWith("<!DOCTYPE", i)) {
                i = doctype(i);
            } else if (c == '<' && i + 1 < length && Prolog.isNameStart(in.charAt(i + 1))) {
                return rootStart(i);
            } else {
                int next = in.indexOf('<', i + 1);
                next = next < 0 ? length : next;
                edit.drop(i, next);
                i = next;
            }
        }
        return length;
    }

    private int commentOrInstruction(int start) {
        boolean comment = in.startsWith("<!--", start);
        int end = Prolog.skipPast(in, start + (comment ? 4 : 2), comment ? "-->" : "?>");
        if (end < 0) {
            return length;
        }
        if (!comment && isDeclarationAt(start)) {
            edit.drop(start, end); // a second declaration, after other prolog items
        }
        return end;
    }

    private int doctype(int start) {
        int end = Prolog.doctypeEnd(in, start);
        if (end < 0) {
            // A document cut off inside its DOCTYPE has nothing after it; the JDK parser would also
            // print an EOFException stack trace to stderr on it (a Xerces quirk), so it goes.
            edit.drop(start, length);
            return length;
        }
        Set<String> names = new HashSet<>();
        Matcher matcher = ENTITY_DECLARATION.matcher(in).region(start, end);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        declaredEntities = names;
        return end;
    }

    /** A stray element before the real feed root (an HTML error message) is junk too. */
    private int rootStart(int candidate) {
        if (startsWithFeedRoot(candidate)) {
            return candidate;
        }
        int limit = Math.min(length, candidate + DECLARATION_WINDOW);
        for (int i = in.indexOf('<', candidate + 1); i >= 0 && i < limit; i = in.indexOf('<', i + 1)) {
            if (startsWithFeedRoot(i)) {
                edit.drop(candidate, i);
                return i;
            }
        }
        return candidate;
    }

    private int declarationStart(int from) {
        if (isDeclarationAt(from)) {
            return from;
        }
        int limit = Math.min(length, from + DECLARATION_WINDOW);
        for (int i = in.indexOf("<?xml", from); i >= 0 && i < limit; i = in.indexOf("<?xml", i + 1)) {
            if (isDeclarationAt(i)) {
                return containsFeedRoot(from, i) ? -1 : i;
            }
        }
        return -1;
    }

    private boolean isDeclarationAt(int i) {
        return in.startsWith("<?xml", i) && i + 5 < length
                && (Prolog.isXmlSpace(in.charAt(i + 5)) || in.charAt(i + 5) == '?');
    }

    private boolean containsFeedRoot(int from, int to) {
        for (int i = in.indexOf('<', from); i >= 0 && i < to; i = in.indexOf('<', i + 1)) {
            if (startsWithFeedRoot(i)) {
                return true;
            }
        }
        return false;
    }

    private boolean startsWithFeedRoot(int i) {
        for (String root : FEED_ROOTS) {
            int after = i + root.length();
            if (in.startsWith(root, i) && after < length
                    && (Prolog.isXmlSpace(in.charAt(after)) || in.charAt(after) == '>')) {
                return true;
            }
        }
        return false;
    }

    private int skipWhitespaceAndBoms(int from) {
        int i = from;
        while (i < length && (Prolog.isXmlSpace(in.charAt(i)) || in.charAt(i) == '\uFEFF')) {
            i++;
        }
        return i;
    }

    private void dropByteOrderMarks(int from, int to) {
        for (int i = from; i < to; i++) {
            if (in.charAt(i) == '\uFEFF') {
                edit.drop(from, to); // whitespace before the root is legal, a BOM character is not
                return;
            }
        }
    }
}
