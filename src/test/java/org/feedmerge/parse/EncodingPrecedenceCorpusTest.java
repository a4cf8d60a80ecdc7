package org.feedmerge.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Counts, over the feedparser corpus files whose charset is in question (everything in
 * {@code encoding/} and every file with a {@code Header: Content-type} line, served as the corpus
 * README says: its Header lines, else {@code text/xml}), where four precedence rules choose
 * differently: RFC 3023, RFC 7303, the previous declaration-first rule, and ours. The table goes
 * to standard output; docs/parsing.md quotes it.
 */
class EncodingPrecedenceCorpusTest {
    private static final Path FEEDPARSER = Fixtures.CORPUS.resolve("feedparser");
    private static final Pattern CONTENT_TYPE = Pattern.compile("(?im)^Header:\\s*Content-type:\\s*(.+?)\\s*$");
    private static final Charset US_ASCII = StandardCharsets.US_ASCII;

    private record Case(Path file, byte[] body, String contentType) {
    }

    enum Rule { RFC_3023, RFC_7303, DECLARATION_FIRST, OURS }

    @Test
    void countWhereThePrecedenceRulesDiffer() throws IOException {
        assumeTrue(Files.isDirectory(FEEDPARSER), "shared corpus not present");
        List<Case> cases = cases();
        System.out.println("encoding precedence over " + cases.size() + " corpus files (charset differs / decoded text differs):");
        for (boolean whatwg : new boolean[] {false, true}) {
            Map<String, int[]> counts = new LinkedHashMap<>();
            for (Case c : cases) {
                Map<Rule, Charset> chosen = new LinkedHashMap<>();
                for (Rule rule : Rule.values()) {
                    chosen.put(rule, choose(rule, c, whatwg));
                }
                count(counts, "RFC 3023 vs RFC 7303", c, chosen, Rule.RFC_3023, Rule.RFC_7303);
                count(counts, "declaration-first vs RFC 7303", c, chosen, Rule.DECLARATION_FIRST, Rule.RFC_7303);
                count(counts, "ours vs RFC 7303", c, chosen, Rule.OURS, Rule.RFC_7303);
                count(counts, "ours vs RFC 3023", c, chosen, Rule.OURS, Rule.RFC_3023);
                count(counts, "ours vs declaration-first", c, chosen, Rule.OURS, Rule.DECLARATION_FIRST);
            }
            System.out.println(whatwg ? " labels as the WHATWG Encoding Standard reads them (what we do):"
                    : " labels as the JDK reads them (iso-8859-1 is ISO-8859-1, us-ascii is US-ASCII):");
            counts.forEach((pair, n) -> System.out.printf("  %-32s %3d / %3d%n", pair, n[0], n[1]));
            assertThat(counts.get("RFC 3023 vs RFC 7303")[0]).isPositive();
        }
        for (Case c : cases) {
            if (!decode(c, Rule.OURS, null).equals(decode(c, Rule.RFC_7303, choose(Rule.RFC_7303, c, true)))) {
                System.out.println("  ours (" + choose(Rule.OURS, c, true) + ") vs RFC 7303 ("
                        + choose(Rule.RFC_7303, c, true) + "): " + FEEDPARSER.relativize(c.file()));
            }
        }
        assertThat(cases).hasSizeGreaterThan(50);
    }

    @Test
    void ourChoiceNeverProducesReplacementCharactersWhereAnotherRuleAvoidsThem() throws IOException {
        assumeTrue(Files.isDirectory(FEEDPARSER), "shared corpus not present");
        List<String> worse = new ArrayList<>();
        for (Case c : cases()) {
            String ours = BodyDecoder.decode(c.body(), c.contentType()).text();
            boolean anotherIsClean = Stream.of(Rule.RFC_3023, Rule.RFC_7303, Rule.DECLARATION_FIRST)
                    .anyMatch(rule -> !decode(c, rule, choose(rule, c, false)).contains("\uFFFD"));
            if (ours.contains("\uFFFD") && anotherIsClean) {
                worse.add(c.file().toString());
            }
        }
        assertThat(worse).isEmpty();
    }

    @Test
    void charsetOverridesDeclarationWithWindows1252Characters() throws Exception {
        Path file = FEEDPARSER.resolve("encoding/http_text_xml_charset_overrides_encoding_2.xml");
        assumeTrue(Files.exists(file), "shared corpus not present");

        ParsedFeed feed = new FeedParser().parse(Files.readAllBytes(file), "text/xml; charset=windows-1252", null);

        assertThat(feed.entries().get(0).safeSummary()).isEqualTo("This is a £“test.”");
    }

    private static void count(Map<String, int[]> counts, String pair, Case c, Map<Rule, Charset> chosen, Rule a, Rule b) {
        int[] n = counts.computeIfAbsent(pair, k -> new int[2]);
        if (!chosen.get(a).equals(chosen.get(b))) {
            n[0]++;
            if (!decode(c, a, chosen.get(a)).equals(decode(c, b, chosen.get(b)))) {
                n[1]++;
            }
        }
    }

    private static Charset choose(Rule rule, Case c, boolean whatwg) {
        if (rule == Rule.OURS) {
            return BodyDecoder.decode(c.body(), c.contentType()).charset();
        }
        Charset bom = firstNonNull(CharsetLabels.byteOrderMark(c.body()), CharsetLabels.bytePattern(c.body()));
        Charset http = resolve(CharsetLabels.httpLabel(c.contentType()), bom == null, whatwg);
        Charset declared = bom != null ? null : resolve(CharsetLabels.declaredLabel(c.body(), 0), true, whatwg);
        return switch (rule) {
            case RFC_7303 -> firstNonNull(bom, http, declared, StandardCharsets.UTF_8);
            case DECLARATION_FIRST -> firstNonNull(bom, declared, http, StandardCharsets.UTF_8);
            case RFC_3023 -> isTextXml(c.contentType())
                    ? firstNonNull(http, US_ASCII) // RFC 3023 §3.1: text/xml without charset is us-ascii
                    : firstNonNull(http, bom, declared, StandardCharsets.UTF_8);
            case OURS -> throw new AssertionError();
        };
    }

    private static Charset resolve(String label, boolean asciiCompatibleBody, boolean whatwg) {
        Charset charset = CharsetLabels.resolve(label, asciiCompatibleBody);
        if (whatwg || charset == null) {
            return charset;
        }
        try {
            return Charset.forName(label.strip());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static boolean isTextXml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") && (type.equals("text/xml") || type.endsWith("+xml")
                || type.equals("text/xml-external-parsed-entity"));
    }

    /** The text a rule yields; ours can mix UTF-8 and windows-1252, so it is asked, not re-derived. */
    private static String decode(Case c, Rule rule, Charset charset) {
        if (rule == Rule.OURS) {
            return BodyDecoder.decode(c.body(), c.contentType()).text();
        }
        String text = new String(c.body(), charset);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Charset firstNonNull(Charset... values) {
        for (Charset value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(FEEDPARSER)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                byte[] body = Files.readAllBytes(file);
                String header = contentTypeHeader(body);
                boolean inEncoding = file.getParent().getFileName().toString().equals("encoding");
                if (inEncoding || header != null) {
                    boolean servedOverHttp = inEncoding || file.toString().contains("http");
                    cases.add(new Case(file, body, header != null ? header : servedOverHttp ? "text/xml" : null));
                }
            }
        }
        return cases;
    }

    /** The Header: Content-type comment line; the comment is ASCII in every encoding but UTF-16/32. */
    private static String contentTypeHeader(byte[] body) {
        Matcher matcher = CONTENT_TYPE.matcher(new String(body, StandardCharsets.ISO_8859_1));
        return matcher.find() ? matcher.group(1) : null;
    }
}
