package org.feedmerge.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * The security property republished HTML must have (issue 3, "Republished HTML is sanitised"):
 * no element that runs script or loads or restyles the page, no {@code on*} event-handler
 * attribute, no {@code javascript:}/{@code vbscript:}/{@code data:} URL in any attribute, and no
 * dangerous {@code style}. Judged on the HTML as a browser would parse it (jsoup), so entity- and
 * case-obfuscated variants are caught too. Pure.
 */
final class HtmlSafety {
    /** Elements that execute script, embed active content, or change the page around the entry. */
    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of(
            "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "style");
    private static final List<String> FORBIDDEN_SCHEMES = List.of("javascript:", "vbscript:", "data:");
    /** Attributes that are plain text, never URLs. */
    private static final Set<String> TEXT_ATTRIBUTES = Set.of("alt", "title", "class", "id", "lang", "dir", "name");
    /**
     * CSS that runs script, loads from elsewhere, or lifts content out of its box to overlay the
     * page (what feedvalidator's DangerousStyleAttr cases exercise).
     */
    private static final List<String> DANGEROUS_CSS = List.of("expression(", "javascript:", "vbscript:", "url(",
            "behavior:", "behaviour:", "-moz-binding", "@import", "position:absolute", "position:fixed");

    private HtmlSafety() {
    }

    /** Empty when safe; else one short line per kind of problem found. */
    static List<String> problems(String html) {
        List<String> problems = new ArrayList<>();
        if (html == null || html.isBlank()) {
            return problems;
        }
        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            if (FORBIDDEN_ELEMENTS.contains(element.normalName())) {
                add(problems, "<" + element.normalName() + "> element");
            }
            for (Attribute attribute : element.attributes()) {
                attribute(attribute, problems);
            }
        }
        return problems;
    }

    private static void attribute(Attribute attribute, List<String> problems) {
        String name = attribute.getKey().toLowerCase(Locale.ROOT);
        String value = squeeze(attribute.getValue());
        if (name.startsWith("on")) {
            add(problems, name + " attribute");
            return;
        }
        if (!TEXT_ATTRIBUTES.contains(name)) {
            FORBIDDEN_SCHEMES.stream().filter(value::startsWith).forEach(scheme -> add(problems, scheme + " URL in " + name));
        }
        if (name.equals("style")) {
            DANGEROUS_CSS.stream().filter(value::contains).forEach(css -> add(problems, "style with " + css));
        }
    }

    /** Lower case without whitespace, control characters, CSS comments or CSS escapes' backslashes. */
    private static String squeeze(String value) {
        return value.replaceAll("/\\*.*?\\*/", "").replaceAll("[\\s\\p{Cntrl}\\\\]", "").toLowerCase(Locale.ROOT);
    }

    private static void add(List<String> problems, String problem) {
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }
}
