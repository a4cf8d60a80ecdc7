package org.feedmerge.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Where a body says its charset: byte order marks, the UTF-16/32 byte patterns of XML 1.0
 * Appendix F, the HTTP {@code charset} parameter and the XML declaration's {@code encoding}. Labels
 * are read as written and resolved the way the WHATWG Encoding Standard does, which is what
 * publishers actually mean: ISO-8859-1 and US-ASCII labels are windows-1252, GB2312 is GB18030.
 */
final class CharsetLabels {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    /** How far into the body an XML declaration is looked for (junk may precede it). */
    private static final int DECLARATION_WINDOW = 4096;
    private static final byte[] ASCII_PROBE = "<?xml".getBytes(StandardCharsets.US_ASCII);
    /** windows-1252 for 0x80-0xFF; its five unassigned bytes stay C1 controls, as in WHATWG. */
    private static final char[] WINDOWS_1252_HIGH = windows1252HighHalf();

    /** WHATWG Encoding Standard §4.2 labels whose meaning differs from the JDK's. */
    private static final Map<String, String> WHATWG = Map.ofEntries(
            Map.entry("iso-8859-1", "windows-1252"), Map.entry("iso8859-1", "windows-1252"),
            Map.entry("iso_8859-1", "windows-1252"), Map.entry("latin1", "windows-1252"),
            Map.entry("l1", "windows-1252"), Map.entry("us-ascii", "windows-1252"),
            Map.entry("ascii", "windows-1252"), Map.entry("ansi_x3.4-1968", "windows-1252"),
            Map.entry("cp819", "windows-1252"), Map.entry("ibm819", "windows-1252"),
            Map.entry("iso-ir-100", "windows-1252"), Map.entry("csisolatin1", "windows-1252"),
            Map.entry("cp1252", "windows-1252"), Map.entry("x-cp1252", "windows-1252"),
            Map.entry("iso-8859-9", "windows-1254"), Map.entry("latin5", "windows-1254"),
            Map.entry("iso-8859-11", "x-windows-874"), Map.entry("tis-620", "x-windows-874"),
            Map.entry("gb2312", "GB18030"), Map.entry("gbk", "GB18030"), Map.entry("x-gbk", "GB18030"),
            Map.entry("big5", "Big5-HKSCS"), Map.entry("euc-kr", "x-windows-949"),
            Map.entry("ks_c_5601-1987", "x-windows-949"), Map.entry("shift_jis", "windows-31j"),
            Map.entry("sjis", "windows-31j"), Map.entry("x-sjis", "windows-31j"));

    private CharsetLabels() {
    }

    /** A byte order mark: UTF-8, UTF-16BE/LE or UTF-32BE/LE (XML 1.0 Appendix F), else null. */
    static Charset byteOrderMark(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return UTF_32BE;
        }
        if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return UTF_32LE;
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        return startsWith(b, 0xFF, 0xFE) ? StandardCharsets.UTF_16LE : null;
    }

    static int byteOrderMarkLength(Charset bom) {
        if (bom.equals(StandardCharsets.UTF_8)) {
            return 3;
        }
        return bom.equals(UTF_32BE) || bom.equals(UTF_32LE) ? 4 : 2;
    }

    /**
     * UTF-16 or UTF-32 without a byte order mark, told by where the zero bytes of the first ASCII
     * characters fall ({@code <?} in XML 1.0 Appendix F, {@code {"} in RFC 4627 §3); else null.
     */
    static Charset bytePattern(byte[] b) {
        if (b.length < 4) {
            return null;
        }
        boolean z0 = b[0] == 0;
        boolean z1 = b[1] == 0;
        boolean z2 = b[2] == 0;
        boolean z3 = b[3] == 0;
        if (z0 && z1 && z2 && !z3) {
            return UTF_32BE;
        }
        if (!z0 && z1 && z2 && z3) {
            return UTF_32LE;
        }
        if (z0 && !z1 && z2 && !z3) {
            return StandardCharsets.UTF_16BE;
        }
        return !z0 && z1 && !z2 && z3 ? StandardCharsets.UTF_16LE : null;
    }

    /** The {@code charset} parameter of a Content-Type header as written, or null. */
    static String httpLabel(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals > 0 && parts[i].substring(0, equals).strip().equalsIgnoreCase("charset")) {
                return unquote(parts[i].substring(equals + 1).strip());
            }
        }
        return null;
    }

    /**
     * The {@code encoding} of an XML declaration near the top of an ASCII-compatible body, as
     * written, or null. Looked for in the first few KB, because junk sometimes precedes it.
     */
    static String declaredLabel(byte[] body, int offset) {
        int length = Math.min(body.length - offset, DECLARATION_WINDOW);
        if (length <= 0) {
            return null;
        }
        String head = new String(body, offset, length, StandardCharsets.ISO_8859_1);
        int start = head.indexOf("<?xml");
        int end = start < 0 ? -1 : head.indexOf("?>", start);
        if (end < 0) {
            return null;
        }
        return encodingPseudoAttribute(head.substring(start + 5, end));
    }

    /**
     * The charset a label names, as the WHATWG Encoding Standard resolves it; null when the JDK
     * does not know it or when it cannot be right for a body whose markup reads as ASCII (a
     * "UTF-16" label on single-byte text).
     */
    static Charset resolve(String label, boolean asciiCompatibleBody) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String name = label.strip().toLowerCase(Locale.ROOT);
        try {
            Charset charset = Charset.forName(WHATWG.getOrDefault(name, name));
            return !asciiCompatibleBody || isAsciiCompatible(charset) ? charset : null;
        } catch (IllegalArgumentException unknownOrIllegal) {
            return null;
        }
    }

    /** The windows-1252 character for a byte value 0x80-0xFF (other values come back unchanged). */
    static char windows1252(int unsignedByte) {
        return unsignedByte >= 0x80 && unsignedByte <= 0xFF ? WINDOWS_1252_HIGH[unsignedByte - 0x80] : (char) unsignedByte;
    }

    static boolean isUtf8(Charset charset) {
        return StandardCharsets.UTF_8.equals(charset);
    }

    private static boolean isAsciiCompatible(Charset charset) {
        return charset.canEncode() && Arrays.equals("<?xml".getBytes(charset), ASCII_PROBE);
    }

    private static String encodingPseudoAttribute(String declaration) {
        int at = declaration.indexOf("encoding");
        int equals = at < 0 ? -1 : declaration.indexOf('=', at);
        if (equals < 0) {
            return null;
        }
        String rest = declaration.substring(equals + 1).strip();
        if (rest.isEmpty() || (rest.charAt(0) != '"' && rest.charAt(0) != '\'')) {
            return null;
        }
        int close = rest.indexOf(rest.charAt(0), 1);
        return close < 0 ? null : rest.substring(1, close).strip();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            return value.substring(1, value.length() - 1).strip();
        }
        return value;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static char[] windows1252HighHalf() {
        char[] table = new char[128];
        for (int i = 0; i < 128; i++) {
            char c = new String(new byte[] {(byte) (0x80 + i)}, WINDOWS_1252).charAt(0);
            table[i] = c == '\uFFFD' ? (char) (0x80 + i) : c;
        }
        return table;
    }
}
