package org.feedmerge.bench;

import java.util.SplittableRandom;

/** Words, sentences and HTML for the farm's items, and the XML escaping they are written with. */
final class FarmText {
    private static final String[] WORDS = ("the of and to in is that for it as was with be by on not he this are or "
            + "his from at which but have an they you were her she there been one all we their has would when if "
            + "so no will more can said who about up out them some could what into its time only new other "
            + "than then now over also after first two may these people any very most well where just should "
            + "because how each between government market report company city council research data system "
            + "energy water school police court study week year health price election climate software release "
            + "security update feature project team community open source network server performance museum "
            + "river village festival harvest weather storm bridge railway library hospital university science "
            + "policy budget minister league season match coach player album concert gallery recipe kitchen "
            + "garden travel island mountain coast island ferry airport engineer developer kernel browser "
            + "café naïve über señor façade Zürich Müller élan déjà vu piñata crème brûlée Ångström smörgåsbord "
            + "São Paulo Málaga Köln Genève Øresund").split(" ");
    private static final String[] PUNCTUATION = {"—", "“", "”", "…", "’"};
    private static final String[] NAMES = {"Ada Lovelace", "Grace Hopper", "José Martí", "Zoë Brandt",
        "Ingrid Sørensen", "Kenji Sato", "Amara Okafor", "Luis García", "Maja Novak", "Tom Baker"};

    private FarmText() {
    }

    /** A well-spread 64-bit value from three inputs (SplitMix64 finaliser on a combination). */
    static long mix(long seed, long a, long b) {
        long z = seed * 0x9E3779B97F4A7C15L + a * 0xBF58476D1CE4E5B9L + b * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static String words(SplittableRandom random, int min, int max) {
        int count = min + random.nextInt(max - min + 1);
        StringBuilder out = new StringBuilder(count * 7);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(WORDS[random.nextInt(WORDS.length)]);
        }
        out.setCharAt(0, Character.toUpperCase(out.charAt(0)));
        return out.toString();
    }

    static String name(SplittableRandom random) {
        return NAMES[random.nextInt(NAMES.length)];
    }

    /** Sentences of plain text, about {@code chars} long. */
    static String prose(SplittableRandom random, int chars) {
        StringBuilder out = new StringBuilder(chars + 80);
        while (out.length() < chars) {
            out.append(words(random, 6, 18));
            if (random.nextInt(8) == 0) {
                out.append(' ').append(PUNCTUATION[random.nextInt(PUNCTUATION.length)]).append(' ')
                        .append(words(random, 2, 5).toLowerCase());
            }
            out.append(". ");
        }
        return out.toString().trim();
    }

    /** Paragraphs of HTML with links, emphasis and the odd entity, about {@code chars} long. */
    static String html(SplittableRandom random, int chars, String link) {
        StringBuilder out = new StringBuilder(chars + 200);
        while (out.length() < chars) {
            out.append("<p>").append(words(random, 5, 14));
            switch (random.nextInt(4)) {
                case 0 -> out.append(" <a href=\"").append(link).append("#s").append(random.nextInt(100)).append("\">")
                        .append(words(random, 1, 4).toLowerCase()).append("</a>");
                case 1 -> out.append(" <strong>").append(words(random, 1, 3).toLowerCase()).append("</strong>");
                case 2 -> out.append(" &amp; <em>").append(words(random, 1, 3).toLowerCase()).append("</em>");
                default -> out.append(' ').append(PUNCTUATION[random.nextInt(PUNCTUATION.length)]);
            }
            out.append(' ').append(prose(random, 60 + random.nextInt(300))).append("</p>\n");
        }
        if (random.nextInt(4) == 0) {
            out.append("<p><img src=\"").append(link).append("/image.jpg\" alt=\"photo\" width=\"640\"></p>\n");
        }
        return out.toString();
    }

    /**
     * Escapes text for XML character data or attributes. For a Latin-1 document, characters above
     * U+00FF become numeric references, as a real Latin-1 publisher's CMS writes them.
     */
    static void escape(StringBuilder out, String text, boolean latin1) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (latin1 && c > 0xFF) {
                        out.append("&#").append((int) c).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
