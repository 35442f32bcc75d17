package org.toy.runtime;

/**
 * printf-style formatting, {@code "%s %5.2f" % args} ({@code PyUnicode_Format}): a tuple gives
 * positional arguments, a mapping serves {@code %(name)s}, anything else is the single argument.
 */
public final class PercentFormat {
    private PercentFormat() {}

    public static String format(String fmt, ToyObject args) {
        return new PercentFormat.Run(fmt, args).run();
    }

    /** The state of one formatting run: the cursor in the format and in the arguments. */
    private static final class Run {
        private final String fmt;
        private final ToyObject args;
        private final ToyObject[] items;
        private final ToyObject mapping;
        private int next;
        private int pos;

        Run(String fmt, ToyObject args) {
            this.fmt = fmt;
            this.args = args;
            this.items = args instanceof ToyTuple t ? t.items : null;
            // CPython treats anything subscriptable (but a tuple or str) as a possible mapping.
            boolean subscriptable = args instanceof ToyDict || args instanceof ToyList || args instanceof ToyBytes
                    || args instanceof ToyRange;
            this.mapping = subscriptable ? args : null;
        }

        private int argCount() { return items != null ? items.length : 1; }

        private ToyObject nextArg() {
            if (next >= argCount()) throw Errors.typeError("not enough arguments for format string");
            return items != null ? items[next++] : next++ == 0 ? args : null;
        }

        String run() {
            StringBuilder out = new StringBuilder(fmt.length() + 16);
            int n = fmt.length();
            while (pos < n) {
                char c = fmt.charAt(pos++);
                if (c != '%') {
                    out.append(c);
                    continue;
                }
                int specStart = pos;
                ToyObject arg = null;
                if (pos < n && fmt.charAt(pos) == '(') {
                    if (mapping == null) throw Errors.typeError("format requires a mapping");
                    int depth = 1, keyStart = ++pos;
                    while (pos < n && depth > 0) {
                        char k = fmt.charAt(pos++);
                        if (k == '(') depth++;
                        else if (k == ')') depth--;
                    }
                    if (depth > 0) throw Errors.valueError("incomplete format key");
                    arg = mapping.getItem(ToyStr.of(fmt.substring(keyStart, pos - 1)));
                }
                boolean left = false, plus = false, space = false, alt = false, zero = false;
                for (; pos < n; pos++) {
                    char f = fmt.charAt(pos);
                    if (f == '-') left = true;
                    else if (f == '+') plus = true;
                    else if (f == ' ') space = true;
                    else if (f == '#') alt = true;
                    else if (f == '0') zero = true;
                    else break;
                }
                int width = -1, precision = -1;
                if (pos < n && fmt.charAt(pos) == '*') {
                    pos++;
                    width = starArg();
                    if (width < 0) { left = true; width = -width; }
                } else {
                    width = number();
                }
                if (pos < n && fmt.charAt(pos) == '.') {
                    pos++;
                    if (pos < n && fmt.charAt(pos) == '*') {
                        pos++;
                        precision = Math.max(0, starArg());
                    } else {
                        precision = Math.max(0, number());
                    }
                }
                while (pos < n && (fmt.charAt(pos) == 'h' || fmt.charAt(pos) == 'l' || fmt.charAt(pos) == 'L')) pos++;
                if (pos >= n) throw Errors.valueError("incomplete format");
                char type = fmt.charAt(pos++);
                if (type == '%') {
                    if (pos - 1 == specStart) {
                        out.append('%');
                        continue;
                    }
                    // "%5%": CPython 3.11 takes an argument, then refuses the conversion.
                    if (arg == null) nextArg();
                    throw Errors.valueError("unsupported format character '%' (0x25) at index " + (pos - 1));
                }
                if (arg == null) arg = nextArg();
                Conversion conv = convert(type, arg, alt, precision);
                String sign = conv.negative ? "-" : plus ? "+" : space ? " " : "";
                if (!conv.numeric) sign = "";
                String body = conv.text;
                int padding = width - sign.length() - conv.prefix.length() - body.length();
                if (padding <= 0) {
                    out.append(sign).append(conv.prefix).append(body);
                } else if (left) {
                    out.append(sign).append(conv.prefix).append(body).append(" ".repeat(padding));
                } else if (zero && conv.numeric) {
                    out.append(sign).append(conv.prefix).append("0".repeat(padding)).append(body);
                } else {
                    out.append(" ".repeat(padding)).append(sign).append(conv.prefix).append(body);
                }
            }
            if (next < argCount() && mapping == null) {
                throw Errors.typeError("not all arguments converted during string formatting");
            }
            return out.toString();
        }

        private int number() {
            int start = pos;
            while (pos < fmt.length() && Character.isDigit(fmt.charAt(pos))) pos++;
            return pos == start ? -1 : Integer.parseInt(fmt.substring(start, pos));
        }

        private int starArg() {
            ToyObject w = nextArg();
            if (!(w instanceof ToyInt)) throw Errors.typeError("* wants int");
            return Args.toInt(w);
        }

        private Conversion convert(char type, ToyObject arg, boolean alt, int precision) {
            switch (type) {
                case 's', 'r', 'a': {
                    String text = type == 's' ? arg.str() : type == 'r' ? Ops.repr(arg) : Strings.ascii(Ops.repr(arg));
                    if (precision >= 0 && precision < text.length()) text = text.substring(0, precision);
                    return new Conversion(false, false, "", text);
                }
                case 'd', 'i', 'u': {
                    ToyInt v;
                    if (arg instanceof ToyInt i) v = i;
                    else if (arg instanceof ToyFloat f) v = Numbers.floatToInt(f.value);
                    else throw Errors.typeError("%" + type + " format: a real number is required, not " + arg.type().name());
                    return integer(v, 10, alt, precision, type);
                }
                case 'x', 'X', 'o': {
                    if (!(arg instanceof ToyInt i)) {
                        throw Errors.typeError("%" + type + " format: an integer is required, not " + arg.type().name());
                    }
                    return integer(i, type == 'o' ? 8 : 16, alt, precision, type);
                }
                case 'e', 'E', 'f', 'F', 'g', 'G': {
                    double d;
                    if (arg instanceof ToyFloat f) d = f.value;
                    else if (arg instanceof ToyInt i) d = IntMath.toDouble(i);
                    else throw Errors.typeError("must be real number, not " + arg.type().name());
                    boolean negative = d < 0 || (d == 0 && 1 / d < 0);
                    String text = Formatter.floatDigits(Math.abs(d), type, precision < 0 ? 6 : precision, alt, false);
                    return new Conversion(true, negative, "", text);
                }
                case 'c': {
                    String text;
                    if (arg instanceof ToyInt i) {
                        if (!i.isSmall() || i.value < 0 || i.value > 0x10FFFF) {
                            throw Errors.overflow("%c arg not in range(0x110000)");
                        }
                        text = new String(Character.toChars((int) i.value));
                    } else if (arg instanceof ToyStr s && s.value.codePointCount(0, s.value.length()) == 1) {
                        text = s.value;
                    } else {
                        throw Errors.typeError("%c requires int or char");
                    }
                    return new Conversion(false, false, "", text);
                }
                default:
                    throw Errors.valueError("unsupported format character '" + type + "' (0x"
                            + Integer.toHexString(type) + ") at index " + (pos - 1));
            }
        }

        private static Conversion integer(ToyInt v, int radix, boolean alt, int precision, char type) {
            boolean negative = v.signum() < 0;
            String digits = v.isSmall() && v.value != Long.MIN_VALUE ? Long.toString(Math.abs(v.value), radix)
                    : v.toBig().abs().toString(radix);
            if (precision > digits.length()) digits = "0".repeat(precision - digits.length()) + digits;
            String prefix = "";
            if (alt && radix == 8) prefix = "0o";
            if (alt && radix == 16) prefix = type == 'X' ? "0X" : "0x";
            if (type == 'X') digits = digits.toUpperCase(java.util.Locale.ROOT);
            return new Conversion(true, negative, prefix, digits);
        }
    }

    /** One converted argument: whether sign and zero padding apply, its sign, prefix and digits. */
    private record Conversion(boolean numeric, boolean negative, String prefix, String text) {}
}
