package org.toy.runtime;

/** Text helpers shared by str and bytes: repr, Python's character classes, ordering. */
public final class Strings {
    private Strings() {}

    /** repr(str): single quotes unless the text has a single quote and no double quote, as CPython's unicode_repr. */
    public static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c == quote) {
                        b.append('\\').append(c);
                    } else if (c < 0x7f && c >= 0x20) {
                        b.append(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        int cp = s.codePointAt(i++);
                        if (isPrintable(cp)) b.appendCodePoint(cp);
                        else b.append(String.format("\\U%08x", cp));
                    } else if (isPrintable(c)) {
                        b.append(c);
                    } else {
                        b.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return b.append(quote).toString();
    }

    /** str.isprintable for one code point: not a control, format, separator (but space), surrogate or unassigned. */
    public static boolean isPrintable(int cp) {
        if (cp == ' ') return true;
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /** Python's whitespace (str.split, str.strip, str.isspace), which includes U+00A0 unlike Java's. */
    public static boolean isSpace(char c) {
        if (c < 128) return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
        return c == 0x85 || Character.isSpaceChar(c) || Character.isWhitespace(c);
    }

    /**
     * Orders two strings. Python compares code points; this compares UTF-16 units, which differs
     * only between a supplementary character and one in U+E000..U+FFFF.
     */
    public static int compare(String a, String b) {
        return Integer.signum(a.compareTo(b));
    }

    /** A str argument of a built-in: {@code format() argument 2 must be str, not int}. */
    public static String argument(String fname, int position, ToyObject o) {
        if (o instanceof ToyStr s) return s.value;
        throw Errors.typeError(fname + "() argument " + position + " must be str, not " + o.type().name());
    }

    /** ascii(): a repr with every non-ASCII character escaped, as Python's ascii() does. */
    public static String ascii(String repr) {
        StringBuilder b = null;
        for (int i = 0; i < repr.length(); i++) {
            char c = repr.charAt(i);
            if (c < 128) {
                if (b != null) b.append(c);
                continue;
            }
            if (b == null) b = new StringBuilder(repr.length() + 8).append(repr, 0, i);
            int cp = repr.codePointAt(i);
            if (cp > 0xffff) i++;
            b.append(cp < 0x100 ? String.format("\\x%02x", cp)
                    : cp < 0x10000 ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
        }
        return b == null ? repr : b.toString();
    }
}
