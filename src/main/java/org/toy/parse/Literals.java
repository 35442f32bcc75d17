package org.toy.parse;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * Decoding of number and string tokens into values, with Python's rules: underscores in numbers,
 * string prefixes, and escape sequences (an unknown escape such as {@code \d} stays as it is written).
 */
final class Literals {
    private Literals() {}

    /** A string token taken apart: its prefix flags and the raw text between the quotes. */
    record StringToken(boolean bytes, boolean raw, boolean fstring, String quote, String body, int prefixLength) {
        static StringToken of(String text) {
            int p = 0;
            boolean bytes = false, raw = false, fstring = false;
            while (text.charAt(p) != '\'' && text.charAt(p) != '"') {
                switch (Character.toLowerCase(text.charAt(p))) {
                    case 'b' -> bytes = true;
                    case 'r' -> raw = true;
                    case 'f' -> fstring = true;
                    default -> { }      // 'u' changes nothing in Python 3
                }
                p++;
            }
            char q = text.charAt(p);
            String quote = text.startsWith(String.valueOf(q).repeat(3), p) && text.length() - p >= 6
                    ? String.valueOf(q).repeat(3) : String.valueOf(q);
            String body = text.substring(p + quote.length(), text.length() - quote.length());
            return new StringToken(bytes, raw, fstring, quote, body, p);
        }

        /** Columns from the token's start to the body's first character. */
        int bodyOffset() { return prefixLength + quote.length(); }
    }

    /** Thrown for a malformed escape; the caller adds the position. */
    static final class BadEscape extends RuntimeException {
        BadEscape(String message) { super(message, null, false, false); }
    }

    static Object number(String text) {
        String digits = text.replace("_", "");
        // 0x, 0o, 0b; not 0e2, which is a float (fuzz finding).
        if (digits.length() > 1 && digits.charAt(0) == '0' && "xXoObB".indexOf(digits.charAt(1)) >= 0) {
            int radix = switch (Character.toLowerCase(digits.charAt(1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            };
            return new BigInteger(digits.substring(2), radix);
        }
        if (digits.indexOf('.') >= 0 || digits.indexOf('e') >= 0 || digits.indexOf('E') >= 0) {
            return Double.parseDouble(digits);
        }
        return new BigInteger(digits);
    }

    /** The value of a str literal body; Python reads a source file's line endings as "\n". */
    static String decodeStr(String body, boolean raw) {
        String text = normalizeNewlines(body);
        if (raw || text.indexOf('\\') < 0) return text;
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char e = text.charAt(i + 1);
            int start = i;
            i += 2;
            switch (e) {
                case '\n' -> { }                        // backslash-newline continues the string
                case '\\' -> out.append('\\');
                case '\'' -> out.append('\'');
                case '"' -> out.append('"');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 'x' -> { out.appendCodePoint(hex(text, i, 2, start, "\\xXX")); i += 2; }
                case 'u' -> { out.appendCodePoint(hex(text, i, 4, start, "\\uXXXX")); i += 4; }
                case 'U' -> {
                    int cp = hex(text, i, 8, start, "\\UXXXXXXXX");
                    if (cp > Character.MAX_CODE_POINT) {
                        throw new BadEscape(unicodeError(start, start + 9, "illegal Unicode character"));
                    }
                    out.appendCodePoint(cp);
                    i += 8;
                }
                case 'N' -> {
                    int close = text.indexOf('}', i);
                    if (i >= text.length() || text.charAt(i) != '{' || close < 0) {
                        throw new BadEscape(unicodeError(start, start + 1, "malformed \\N character escape"));
                    }
                    try {
                        out.appendCodePoint(Character.codePointOf(text.substring(i + 1, close)));
                    } catch (IllegalArgumentException unknown) {
                        throw new BadEscape(unicodeError(start, close, "unknown Unicode character name"));
                    }
                    i = close + 1;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int[] end = {i - 1};
                        out.appendCodePoint(octal(text, end));
                        i = end[0];
                    } else {
                        out.append('\\').append(e);     // unknown escapes are kept verbatim
                    }
                }
            }
        }
        return out.toString();
    }

    /** The value of a bytes literal body: ASCII characters only, and no \\u or \\N escapes. */
    static byte[] decodeBytes(String body, boolean raw) {
        String text = normalizeNewlines(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c > 127) throw new BadEscape("bytes can only contain ASCII literal characters");
            if (raw || c != '\\' || i + 1 == text.length()) {
                out.write(c);
                i++;
                continue;
            }
            char e = text.charAt(i + 1);
            int start = i;
            i += 2;
            switch (e) {
                case '\n' -> { }
                case '\\', '\'', '"' -> out.write(e);
                case 'a' -> out.write(7);
                case 'b' -> out.write(8);
                case 'f' -> out.write(12);
                case 'n' -> out.write(10);
                case 'r' -> out.write(13);
                case 't' -> out.write(9);
                case 'v' -> out.write(11);
                case 'x' -> {
                    if (i + 2 > text.length() || !isHex(text, i, 2)) {
                        throw new BadEscape("(value error) invalid \\x escape at position " + start);
                    }
                    out.write(Integer.parseInt(text.substring(i, i + 2), 16));
                    i += 2;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int[] end = {i - 1};
                        out.write(octal(text, end) & 0xFF);
                        i = end[0];
                    } else {
                        if (e > 127) throw new BadEscape("bytes can only contain ASCII literal characters");
                        out.write('\\');
                        out.write(e);
                    }
                }
            }
        }
        return out.toByteArray();
    }

    static String normalizeNewlines(String s) {
        return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static int octal(String text, int[] pos) {
        int value = 0;
        int i = pos[0];
        int end = Math.min(i + 3, text.length());
        while (i < end && text.charAt(i) >= '0' && text.charAt(i) <= '7') {
            value = value * 8 + (text.charAt(i) - '0');
            i++;
        }
        pos[0] = i;
        return value;
    }

    private static int hex(String text, int i, int count, int escapeStart, String form) {
        if (i + count > text.length() || !isHex(text, i, count)) {
            int end = i;
            while (end < text.length() && end < i + count && Character.digit(text.charAt(end), 16) >= 0) end++;
            throw new BadEscape(unicodeError(escapeStart, end - 1, "truncated " + form + " escape"));
        }
        return (int) Long.parseLong(text.substring(i, i + count), 16);
    }

    private static boolean isHex(String text, int i, int count) {
        for (int k = i; k < i + count; k++) {
            if (Character.digit(text.charAt(k), 16) < 0) return false;
        }
        return true;
    }

    private static String unicodeError(int from, int to, String reason) {
        return "(unicode error) 'unicodeescape' codec can't decode bytes in position " + from + "-" + to + ": " + reason;
    }
}
