package org.toy.runtime;

import java.util.Locale;

/** The methods of str ({@code Objects/unicodeobject.c}), registered on {@link ToyStr#TYPE}. */
final class StrMethods {
    private StrMethods() {}

    private static String self(ToyObject[] args) { return ((ToyStr) args[0]).value; }

    private static ToyStr s(String v) { return ToyStr.of(v); }

    /** A method without arguments: {@code str.upper() takes no arguments (1 given)}. */
    private interface Unary { ToyObject apply(String self); }

    private static void noArgs(ToyType type, String name, Unary f) {
        type.method(name, (ts, args, kw) -> {
            Args.none("str." + name, args, kw, 1);
            return f.apply(self(args));
        });
    }

    static void register(ToyType t) {
        noArgs(t, "upper", v -> s(v.toUpperCase(Locale.ROOT)));
        noArgs(t, "lower", v -> s(v.toLowerCase(Locale.ROOT)));
        noArgs(t, "casefold", v -> s(v.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT)));
        noArgs(t, "swapcase", StrMethods::swapcase);
        noArgs(t, "title", StrMethods::title);
        noArgs(t, "capitalize", StrMethods::capitalize);
        noArgs(t, "isdigit", v -> all(v, StrMethods::isDigit));
        noArgs(t, "isdecimal", v -> all(v, c -> Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER));
        noArgs(t, "isnumeric", v -> all(v, StrMethods::isNumeric));
        noArgs(t, "isalpha", v -> all(v, Character::isLetter));
        noArgs(t, "isalnum", v -> all(v, c -> Character.isLetter(c) || isNumeric(c)));
        noArgs(t, "isspace", v -> all(v, Strings::isSpace));
        noArgs(t, "isascii", v -> ToyBool.of(v.chars().allMatch(c -> c < 128)));
        noArgs(t, "isprintable", v -> ToyBool.of(v.chars().allMatch(c -> Strings.isPrintable((char) c))));
        noArgs(t, "isupper", v -> casedCheck(v, true));
        noArgs(t, "islower", v -> casedCheck(v, false));
        noArgs(t, "istitle", StrMethods::istitle);
        noArgs(t, "isidentifier", v -> ToyBool.of(isIdentifier(v)));

        t.method("split", (ts, args, kw) -> split(args, kw, false));
        t.method("rsplit", (ts, args, kw) -> split(args, kw, true));
        t.method("splitlines", (ts, args, kw) -> {
            ToyObject[] p = Args.bind("splitlines", args, kw, 1, 0, "keepends");
            return splitlines(self(args), p[0] != null && p[0].isTrue());
        });
        t.method("join", (ts, args, kw) -> {
            Args.one("join", args, kw, 1);
            return s(join(self(args), args[1]));
        });
        t.method("strip", (ts, args, kw) -> strip(args, kw, "strip", true, true));
        t.method("lstrip", (ts, args, kw) -> strip(args, kw, "lstrip", true, false));
        t.method("rstrip", (ts, args, kw) -> strip(args, kw, "rstrip", false, true));
        t.method("replace", (ts, args, kw) -> {
            int n = Args.range("replace", args, kw, 1, 2, 3);
            String old = argStr("replace", 1, args[1]), repl = argStr("replace", 2, args[2]);
            return s(replace(self(args), old, repl, n == 3 ? Args.toLong(args[3]) : -1));
        });
        t.method("find", (ts, args, kw) -> ToyInt.of(find(args, kw, "find", false)));
        t.method("rfind", (ts, args, kw) -> ToyInt.of(find(args, kw, "rfind", true)));
        t.method("index", (ts, args, kw) -> ToyInt.of(found(find(args, kw, "index", false))));
        t.method("rindex", (ts, args, kw) -> ToyInt.of(found(find(args, kw, "rindex", true))));
        t.method("count", (ts, args, kw) -> ToyInt.of(count(args, kw)));
        t.method("startswith", (ts, args, kw) -> affix(args, kw, "startswith", true));
        t.method("endswith", (ts, args, kw) -> affix(args, kw, "endswith", false));
        t.method("zfill", (ts, args, kw) -> {
            Args.one("zfill", args, kw, 1);
            return s(zfill(self(args), Args.toInt(args[1])));
        });
        t.method("center", (ts, args, kw) -> justify(args, kw, "center", '^'));
        t.method("ljust", (ts, args, kw) -> justify(args, kw, "ljust", '<'));
        t.method("rjust", (ts, args, kw) -> justify(args, kw, "rjust", '>'));
        t.method("partition", (ts, args, kw) -> partition(args, kw, "partition", false));
        t.method("rpartition", (ts, args, kw) -> partition(args, kw, "rpartition", true));
        t.method("expandtabs", (ts, args, kw) -> {
            ToyObject[] p = Args.bind("expandtabs", args, kw, 1, 0, "tabsize");
            return s(expandtabs(self(args), p[0] == null ? 8 : Args.toInt(p[0])));
        });
        t.method("removeprefix", (ts, args, kw) -> {
            Args.one("removeprefix", args, kw, 1);
            String v = self(args), p = Args.str("removeprefix", args[1]);
            return v.startsWith(p) ? s(v.substring(p.length())) : args[0];
        });
        t.method("removesuffix", (ts, args, kw) -> {
            Args.one("removesuffix", args, kw, 1);
            String v = self(args), p = Args.str("removesuffix", args[1]);
            return v.endsWith(p) && !p.isEmpty() ? s(v.substring(0, v.length() - p.length())) : args[0];
        });
        t.method("format", (ts, args, kw) -> s(StrFormat.format(ts, self(args), args, kw, 1, null)));
        t.method("format_map", (ts, args, kw) -> {
            Args.one("format_map", args, kw, 1);
            return s(StrFormat.format(ts, self(args), new ToyObject[0], ToyObject.NO_KEYWORDS, 0, args[1]));
        });
        t.method("__format__", (ts, args, kw) -> {
            Args.one("__format__", args, kw, 1);
            return s(args[0].format(Args.str("__format__", args[1])));
        });
        t.method("encode", (ts, args, kw) -> {
            ToyObject[] p = Args.bind("encode", args, kw, 1, 0, "encoding", "errors");
            String enc = p[0] == null ? "utf-8" : encodingArg(p[0]);
            return new ToyBytes(Codecs.encode(self(args), enc, p[1] == null ? "strict" : p[1].str()));
        });
    }

    // ---- case -----------------------------------------------------------------------------

    private static boolean isCased(char c) {
        return Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c);
    }

    private static ToyObject swapcase(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isUpperCase(c)) b.append(String.valueOf(c).toLowerCase(Locale.ROOT));
            else if (Character.isLowerCase(c)) b.append(String.valueOf(c).toUpperCase(Locale.ROOT));
            else b.append(c);
        }
        return s(b.toString());
    }

    /** Title case: a cased letter is upper-cased after an uncased character, lower-cased after a cased one. */
    private static ToyObject title(String v) {
        StringBuilder b = new StringBuilder(v.length());
        boolean previousCased = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (previousCased) b.append(String.valueOf(c).toLowerCase(Locale.ROOT));
            else b.append(Character.toTitleCase(c));
            previousCased = isCased(c);
        }
        return s(b.toString());
    }

    private static ToyObject capitalize(String v) {
        if (v.isEmpty()) return ToyStr.EMPTY;
        return s(Character.toTitleCase(v.charAt(0)) + v.substring(1).toLowerCase(Locale.ROOT));
    }

    // ---- predicates -----------------------------------------------------------------------

    private interface CharTest { boolean test(char c); }

    /** True when the string is non-empty and every character passes. */
    private static ToyObject all(String v, CharTest test) {
        if (v.isEmpty()) return ToyBool.FALSE;
        for (int i = 0; i < v.length(); i++) if (!test.test(v.charAt(i))) return ToyBool.FALSE;
        return ToyBool.TRUE;
    }

    private static boolean isDigit(char c) {
        int type = Character.getType(c);
        if (type == Character.DECIMAL_DIGIT_NUMBER) return true;
        int v = Character.getNumericValue(c);
        return type == Character.OTHER_NUMBER && v >= 0 && v <= 9;
    }

    private static boolean isNumeric(char c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** isupper/islower: at least one cased character, and none of the opposite case. */
    private static ToyObject casedCheck(String v, boolean upper) {
        boolean cased = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (upper ? Character.isLowerCase(c) || Character.isTitleCase(c)
                    : Character.isUpperCase(c) || Character.isTitleCase(c)) {
                return ToyBool.FALSE;
            }
            if (upper ? Character.isUpperCase(c) : Character.isLowerCase(c)) cased = true;
        }
        return ToyBool.of(cased);
    }

    private static ToyObject istitle(String v) {
        boolean cased = false, previousCased = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                if (previousCased) return ToyBool.FALSE;
                previousCased = cased = true;
            } else if (Character.isLowerCase(c)) {
                if (!previousCased) return ToyBool.FALSE;
                previousCased = cased = true;
            } else {
                previousCased = false;
            }
        }
        return ToyBool.of(cased);
    }

    static boolean isIdentifier(String v) {
        if (v.isEmpty()) return false;
        char first = v.charAt(0);
        if (first != '_' && !Character.isUnicodeIdentifierStart(first)) return false;
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!Character.isUnicodeIdentifierPart(c) || Character.isIdentifierIgnorable(c)) return false;
        }
        return true;
    }

    // ---- splitting and joining ------------------------------------------------------------

    private static ToyObject split(ToyObject[] args, String[] kw, boolean fromRight) {
        String fname = fromRight ? "rsplit" : "split";
        ToyObject[] p = Args.bind(fname, args, kw, 1, 0, "sep", "maxsplit");
        String v = self(args);
        long max = p[1] == null ? -1 : Args.toLong(p[1]);
        if (max < 0) max = Long.MAX_VALUE;
        if (p[0] == null || p[0] == ToyNone.NONE) return splitWhitespace(v, max, fromRight);
        if (!(p[0] instanceof ToyStr sepStr)) {
            throw Errors.typeError("must be str or None, not " + p[0].type().name());
        }
        String sep = sepStr.value;
        if (sep.isEmpty()) throw Errors.valueError("empty separator");
        ToyList out = new ToyList();
        if (!fromRight) {
            int start = 0, at;
            while (max-- > 0 && (at = v.indexOf(sep, start)) >= 0) {
                out.append(s(v.substring(start, at)));
                start = at + sep.length();
            }
            out.append(s(v.substring(start)));
        } else {
            int end = v.length(), at;
            while (max-- > 0 && (at = v.lastIndexOf(sep, end - sep.length())) >= 0) {
                out.append(s(v.substring(at + sep.length(), end)));
                end = at;
            }
            out.append(s(v.substring(0, end)));
            reverse(out);
        }
        return out;
    }

    private static ToyList splitWhitespace(String v, long max, boolean fromRight) {
        ToyList out = new ToyList();
        int n = v.length();
        if (!fromRight) {
            int i = 0;
            while (true) {
                while (i < n && Strings.isSpace(v.charAt(i))) i++;
                if (i == n) break;
                if (max-- == 0) {
                    out.append(s(v.substring(i))); // the rest keeps its inner and trailing whitespace
                    break;
                }
                int j = i;
                while (j < n && !Strings.isSpace(v.charAt(j))) j++;
                out.append(s(v.substring(i, j)));
                i = j;
            }
        } else {
            int i = n;
            while (true) {
                while (i > 0 && Strings.isSpace(v.charAt(i - 1))) i--;
                if (i == 0) break;
                if (max-- == 0) {
                    out.append(s(v.substring(0, i)));
                    break;
                }
                int j = i;
                while (j > 0 && !Strings.isSpace(v.charAt(j - 1))) j--;
                out.append(s(v.substring(j, i)));
                i = j;
            }
            reverse(out);
        }
        return out;
    }

    private static void reverse(ToyList l) {
        for (int i = 0, j = l.size - 1; i < j; i++, j--) {
            ToyObject x = l.items[i];
            l.items[i] = l.items[j];
            l.items[j] = x;
        }
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e
                || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    private static ToyList splitlines(String v, boolean keepEnds) {
        ToyList out = new ToyList();
        int i = 0, n = v.length();
        while (i < n) {
            int j = i;
            while (j < n && !isLineBreak(v.charAt(j))) j++;
            int eol = j;
            if (j < n) {
                j += v.charAt(j) == '\r' && j + 1 < n && v.charAt(j + 1) == '\n' ? 2 : 1;
            }
            out.append(s(v.substring(i, keepEnds ? j : eol)));
            i = j;
        }
        return out;
    }

    static String join(String sep, ToyObject iterable) {
        ToyObject[] items;
        try {
            items = Sequences.toArray(iterable);
        } catch (ToyError e) {
            if (!(iterable instanceof ToyList || iterable instanceof ToyTuple)
                    && e.exception.isInstance(ExceptionTypes.TYPE_ERROR)) {
                throw Errors.typeError("can only join an iterable");
            }
            throw e;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < items.length; i++) {
            if (!(items[i] instanceof ToyStr item)) {
                throw Errors.typeError("sequence item " + i + ": expected str instance, "
                        + items[i].type().name() + " found");
            }
            if (i > 0) b.append(sep);
            b.append(item.value);
        }
        return b.toString();
    }

    // ---- stripping, replacing, searching --------------------------------------------------

    private static ToyObject strip(ToyObject[] args, String[] kw, String fname, boolean left, boolean right) {
        int n = Args.range(fname, args, kw, 1, 0, 1);
        String v = self(args);
        String chars = null;
        if (n == 1 && args[1] != ToyNone.NONE) {
            if (!(args[1] instanceof ToyStr c)) throw Errors.typeError(fname + " arg must be None or str");
            chars = c.value;
        }
        int i = 0, j = v.length();
        if (left) while (i < j && stripped(v.charAt(i), chars)) i++;
        if (right) while (j > i && stripped(v.charAt(j - 1), chars)) j--;
        return i == 0 && j == v.length() ? args[0] : s(v.substring(i, j));
    }

    private static boolean stripped(char c, String chars) {
        return chars == null ? Strings.isSpace(c) : chars.indexOf(c) >= 0;
    }

    static String replace(String v, String old, String repl, long count) {
        if (count < 0) count = Long.MAX_VALUE;
        if (count == 0) return v;
        if (old.isEmpty()) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i <= v.length(); i++) {
                if (count-- > 0) b.append(repl);
                if (i < v.length()) b.append(v.charAt(i));
            }
            return b.toString();
        }
        if (count == Long.MAX_VALUE) return v.replace(old, repl);
        StringBuilder b = new StringBuilder(v.length());
        int start = 0, at;
        while (count-- > 0 && (at = v.indexOf(old, start)) >= 0) {
            b.append(v, start, at).append(repl);
            start = at + old.length();
        }
        return b.append(v, start, v.length()).toString();
    }

    private static String argStr(String fname, int pos, ToyObject o) {
        if (o instanceof ToyStr s) return s.value;
        throw Errors.typeError(fname + "() argument " + pos + " must be str, not " + o.type().name());
    }

    /** The {@code [start, end)} window of find/count/startswith, with slice semantics. */
    private static int[] window(String v, ToyObject start, ToyObject end) {
        int n = v.length();
        long a = start == null || start == ToyNone.NONE ? 0 : Slices.sliceIndex(start);
        long b = end == null || end == ToyNone.NONE ? n : Slices.sliceIndex(end);
        if (a < 0) a = Math.max(0, a + n);
        if (b < 0) b = Math.max(0, b + n);
        if (b > n) b = n;
        return new int[] {(int) Math.min(a, Integer.MAX_VALUE), (int) b};
    }

    private static String subArg(ToyObject o) {
        if (o instanceof ToyStr s) return s.value;
        throw Errors.typeError("must be str, not " + o.type().name());
    }

    private static int find(ToyObject[] args, String[] kw, String fname, boolean fromRight) {
        int n = Args.positional(args, kw, 1);
        Args.noKeywords(fname, kw);
        if (n < 1) throw Errors.typeError(fname + "() takes at least 1 argument (0 given)");
        if (n > 3) throw Errors.typeError(fname + "() takes at most 3 arguments (" + n + " given)");
        String v = self(args), sub = subArg(args[1]);
        int[] w = window(v, n >= 2 ? args[2] : null, n >= 3 ? args[3] : null);
        if (w[0] > v.length() || w[1] - w[0] < sub.length()) return -1;
        int at = fromRight ? v.lastIndexOf(sub, w[1] - sub.length()) : v.indexOf(sub, w[0]);
        return at >= w[0] && at + sub.length() <= w[1] ? at : -1;
    }

    private static int found(int at) {
        if (at < 0) throw Errors.valueError("substring not found");
        return at;
    }

    private static int count(ToyObject[] args, String[] kw) {
        int n = Args.positional(args, kw, 1);
        Args.noKeywords("count", kw);
        if (n < 1) throw Errors.typeError("count() takes at least 1 argument (0 given)");
        if (n > 3) throw Errors.typeError("count() takes at most 3 arguments (" + n + " given)");
        String v = self(args), sub = subArg(args[1]);
        int[] w = window(v, n >= 2 ? args[2] : null, n >= 3 ? args[3] : null);
        if (w[0] > v.length() || w[1] < w[0]) return 0;
        if (sub.isEmpty()) return w[1] - w[0] + 1;
        int count = 0;
        for (int at = v.indexOf(sub, w[0]); at >= 0 && at + sub.length() <= w[1]; at = v.indexOf(sub, at + sub.length())) {
            count++;
        }
        return count;
    }

    private static ToyObject affix(ToyObject[] args, String[] kw, String fname, boolean prefix) {
        int n = Args.range(fname, args, kw, 1, 1, 3);
        String v = self(args);
        int[] w = window(v, n > 1 ? args[2] : null, n > 2 ? args[3] : null);
        ToyObject what = args[1];
        if (what instanceof ToyTuple t) {
            for (ToyObject item : t.items) {
                if (!(item instanceof ToyStr)) {
                    throw Errors.typeError("tuple for " + fname + " must only contain str, not " + item.type().name());
                }
                if (matches(v, ((ToyStr) item).value, w, prefix)) return ToyBool.TRUE;
            }
            return ToyBool.FALSE;
        }
        if (!(what instanceof ToyStr str)) {
            throw Errors.typeError(fname + " first arg must be str or a tuple of str, not " + what.type().name());
        }
        return ToyBool.of(matches(v, str.value, w, prefix));
    }

    private static boolean matches(String v, String affix, int[] w, boolean prefix) {
        if (w[0] > v.length() || w[1] - w[0] < affix.length()) return false;
        return prefix ? v.startsWith(affix, w[0]) : v.startsWith(affix, w[1] - affix.length());
    }

    // ---- padding --------------------------------------------------------------------------

    static String zfill(String v, int width) {
        if (v.length() >= width) return v;
        String zeros = "0".repeat(width - v.length());
        if (!v.isEmpty() && (v.charAt(0) == '+' || v.charAt(0) == '-')) return v.charAt(0) + zeros + v.substring(1);
        return zeros + v;
    }

    private static ToyObject justify(ToyObject[] args, String[] kw, String fname, char align) {
        int n = Args.range(fname, args, kw, 1, 1, 2);
        String v = self(args);
        int width = Args.toInt(args[1]);
        char fill = ' ';
        if (n == 2) {
            if (!(args[2] instanceof ToyStr f)) {
                throw Errors.typeError("The fill character must be a unicode character, not " + args[2].type().name());
            }
            if (f.value.length() != 1) throw Errors.typeError("The fill character must be exactly one character long");
            fill = f.value.charAt(0);
        }
        if (v.length() >= width) return args[0];
        int margin = width - v.length();
        // CPython's centring puts the odd pad character on the left when width is odd.
        int left = align == '<' ? 0 : align == '>' ? margin : margin / 2 + (margin & width & 1);
        String f = String.valueOf(fill);
        return s(f.repeat(left) + v + f.repeat(margin - left));
    }

    private static ToyObject partition(ToyObject[] args, String[] kw, String fname, boolean fromRight) {
        Args.one(fname, args, kw, 1);
        String v = self(args), sep = subArg(args[1]);
        if (sep.isEmpty()) throw Errors.valueError("empty separator");
        int at = fromRight ? v.lastIndexOf(sep) : v.indexOf(sep);
        if (at < 0) {
            return fromRight ? ToyTuple.of(ToyStr.EMPTY, ToyStr.EMPTY, args[0]) : ToyTuple.of(args[0], ToyStr.EMPTY, ToyStr.EMPTY);
        }
        return ToyTuple.of(s(v.substring(0, at)), args[1], s(v.substring(at + sep.length())));
    }

    private static String expandtabs(String v, int tabsize) {
        StringBuilder b = new StringBuilder(v.length());
        int column = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\t') {
                if (tabsize > 0) {
                    int spaces = tabsize - column % tabsize;
                    b.append(" ".repeat(spaces));
                    column += spaces;
                }
            } else {
                b.append(c);
                column = c == '\n' || c == '\r' ? 0 : column + 1;
            }
        }
        return b.toString();
    }

    private static String encodingArg(ToyObject o) {
        if (o instanceof ToyStr s) return s.value;
        throw Errors.typeError("encode() argument 'encoding' must be str, not " + o.type().name());
    }
}
