package org.toy.runtime;

/** Text helpers shared by str and bytes. */
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
                    if (c == quote) b.append('\\').append(c);
                    else if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append(quote).toString();
    }

    /** ascii(): a repr with every non-ASCII character escaped. */
    public static String ascii(String repr) {
        StringBuilder b = new StringBuilder(repr.length());
        for (int i = 0; i < repr.length(); i++) {
            char c = repr.charAt(i);
            if (c < 0x80) b.append(c);
            else if (c <= 0xff) b.append(String.format("\\x%02x", (int) c));
            else if (Character.isHighSurrogate(c) && i + 1 < repr.length()) {
                b.append(String.format("\\U%08x", repr.codePointAt(i)));
                i++;
            } else b.append(String.format("\\u%04x", (int) c));
        }
        return b.toString();
    }
}
