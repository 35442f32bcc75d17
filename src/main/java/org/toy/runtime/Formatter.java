package org.toy.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Applies a {@link FormatSpec} to ints, floats and strs ({@code Python/formatter_unicode.c}).
 * Float digits come from {@link BigDecimal} on the exact binary value with half-even rounding,
 * which is what CPython's correctly rounded dtoa produces. {@code %}-formatting reuses
 * {@link #floatDigits}.
 */
public final class Formatter {
    private Formatter() {}

    // ---- str ------------------------------------------------------------------------------

    public static String formatStr(String s, FormatSpec spec) {
        if (spec.type != 's') throw unknownCode(spec.type, "str");
        if (spec.sign != FormatSpec.NONE) {
            throw Errors.valueError(spec.sign == ' ' ? "Space not allowed in string format specifier"
                    : "Sign not allowed in string format specifier");
        }
        if (spec.noNegativeZero) throw Errors.valueError("Negative zero coercion (z) not allowed in format specifier");
        if (spec.alternate) throw Errors.valueError("Alternate form (#) not allowed in string format specifier");
        if (spec.align == '=') throw Errors.valueError("'=' alignment not allowed in string format specifier");
        if (spec.precision >= 0 && spec.precision < s.length()) s = s.substring(0, spec.precision);
        return pad(s, spec.width, spec.fill, spec.align == FormatSpec.NONE ? '<' : spec.align);
    }

    // ---- int ------------------------------------------------------------------------------

    public static String formatInt(ToyInt value, FormatSpec spec) {
        switch (spec.type) {
            case 'e', 'E', 'f', 'F', 'g', 'G', '%':
                return formatFloat(IntMath.toDouble(value), spec);
            case 'b', 'c', 'd', 'o', 'x', 'X', 'n':
                break;
            default:
                throw unknownCode(spec.type, "int");
        }
        if (spec.precision != -1) throw Errors.valueError("Precision not allowed in integer format specifier");
        if (spec.noNegativeZero) {
            throw Errors.valueError("Negative zero coercion (z) not allowed in integer format specifier");
        }
        if (spec.type == 'c') {
            if (spec.sign != FormatSpec.NONE) throw Errors.valueError("Sign not allowed with integer format specifier 'c'");
            if (spec.alternate) {
                throw Errors.valueError("Alternate form (#) not allowed with integer format specifier 'c'");
            }
            if (!value.isSmall() || value.value < 0 || value.value > 0x10FFFF) {
                throw Errors.overflow("%c arg not in range(0x110000)");
            }
            return pad(new String(Character.toChars((int) value.value)), spec.width, spec.fill,
                    spec.align == FormatSpec.NONE ? '>' : spec.align);
        }
        int radix = switch (spec.type) { case 'b' -> 2; case 'o' -> 8; case 'x', 'X' -> 16; default -> 10; };
        boolean negative = value.signum() < 0;
        String digits = value.isSmall() && value.value != Long.MIN_VALUE ? Long.toString(Math.abs(value.value), radix)
                : value.toBig().abs().toString(radix);
        String prefix = "";
        if (spec.alternate && radix != 10) prefix = radix == 2 ? "0b" : radix == 8 ? "0o" : "0x";
        if (spec.type == 'X') {
            digits = digits.toUpperCase(java.util.Locale.ROOT);
            prefix = prefix.toUpperCase(java.util.Locale.ROOT);
        }
        return assemble(negative, prefix, digits, "", spec);
    }

    // ---- float ----------------------------------------------------------------------------

    public static String formatFloat(double value, FormatSpec spec) {
        char type = spec.type;
        int precision = spec.precision;
        boolean addDot0 = false;
        switch (type) {
            case FormatSpec.NONE:
                // Like repr() without a precision, else like 'g' keeping at least one digit after the point.
                addDot0 = true;
                type = precision < 0 ? 'r' : 'g';
                break;
            case 'n': type = 'g'; break;
            case 'e', 'E', 'f', 'F', 'g', 'G', '%': break;
            default: throw unknownCode(type, "float");
        }
        if (precision < 0) precision = 6;
        String suffix = "";
        if (type == '%') {
            value *= 100;
            type = 'f';
            suffix = "%";
        }
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        String body = floatDigits(Math.abs(value), type, precision, spec.alternate, addDot0);
        if (negative && spec.noNegativeZero && isZero(body)) negative = false;
        // Split off the fraction and exponent so that grouping and zero-padding see only the integer digits.
        int split = 0;
        while (split < body.length() && Character.isDigit(body.charAt(split))) split++;
        if (split == 0) split = body.length(); // inf, nan
        return assemble(negative, "", body.substring(0, split), body.substring(split) + suffix, spec);
    }

    private static boolean isZero(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == 'e' || c == 'E') break;
            if (c >= '1' && c <= '9') return false;
        }
        return true;
    }

    /**
     * The digits of a non-negative double in one of the presentation types e, E, f, F, g, G or r
     * (repr), as PyOS_double_to_string: {@code alternate} keeps the point and trailing zeros,
     * {@code addDot0} gives an integral 'g' result a ".0".
     */
    public static String floatDigits(double abs, char type, int precision, boolean alternate, boolean addDot0) {
        boolean upper = type == 'E' || type == 'F' || type == 'G';
        if (Double.isNaN(abs)) return upper ? "NAN" : "nan";
        if (Double.isInfinite(abs)) return upper ? "INF" : "inf";
        String s;
        switch (type) {
            case 'r': return Numbers.floatRepr(abs);
            case 'f', 'F': s = fixed(abs, precision, alternate); break;
            case 'e', 'E': s = scientific(abs, precision, alternate); break;
            default: s = general(abs, precision, alternate, addDot0); break;
        }
        return upper ? s.toUpperCase(java.util.Locale.ROOT) : s;
    }

    private static String fixed(double abs, int precision, boolean alternate) {
        String s = new BigDecimal(abs).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return precision == 0 && alternate ? s + "." : s;
    }

    /** The first {@code count} significant digits of abs, rounded, and the decimal exponent of the first. */
    private static String significant(double abs, int count, int[] exponent) {
        if (abs == 0) {
            exponent[0] = 0;
            return "0".repeat(count);
        }
        BigDecimal r = new BigDecimal(abs).round(new MathContext(count, RoundingMode.HALF_EVEN));
        String digits = r.unscaledValue().toString();
        exponent[0] = digits.length() - 1 - r.scale();
        if (digits.length() > count) digits = digits.substring(0, count); // trailing zeros of an integral value
        return digits.length() < count ? digits + "0".repeat(count - digits.length()) : digits;
    }

    private static String scientific(double abs, int precision, boolean alternate) {
        int[] exp = new int[1];
        String digits = significant(abs, precision + 1, exp);
        StringBuilder b = new StringBuilder(precision + 8).append(digits.charAt(0));
        if (precision > 0 || alternate) b.append('.');
        b.append(digits, 1, digits.length());
        return appendExponent(b, exp[0]).toString();
    }

    private static StringBuilder appendExponent(StringBuilder b, int exp) {
        b.append('e').append(exp < 0 ? '-' : '+');
        if (Math.abs(exp) < 10) b.append('0');
        return b.append(Math.abs(exp));
    }

    private static String general(double abs, int precision, boolean alternate, boolean addDot0) {
        int p = precision == 0 ? 1 : precision;
        int[] exp = new int[1];
        String digits = significant(abs, p, exp);
        int e = exp[0];
        StringBuilder b = new StringBuilder(p + 8);
        if (e >= -4 && e < p) {
            if (e >= 0) {
                b.append(digits, 0, e + 1).append('.').append(digits, e + 1, p);
            } else {
                b.append("0.").append("0".repeat(-e - 1)).append(digits);
            }
            if (!alternate) stripZeros(b, b.length());
            if (addDot0 && b.indexOf(".") < 0) b.append(".0");
        } else {
            b.append(digits.charAt(0)).append('.').append(digits, 1, p);
            if (!alternate) stripZeros(b, b.length());
            appendExponent(b, e);
        }
        return b.toString();
    }

    /** Removes trailing zeros, then a trailing point, from the mantissa ending at {@code end}. */
    private static void stripZeros(StringBuilder b, int end) {
        int i = end;
        while (i > 0 && b.charAt(i - 1) == '0') i--;
        if (i > 0 && b.charAt(i - 1) == '.') i--;
        b.setLength(i);
    }

    // ---- layout shared by numbers -----------------------------------------------------------

    /**
     * Sign, prefix, grouped integer digits and the rest, padded as the spec says. Zero padding
     * ({@code 0} fill with {@code =} alignment) extends the digits themselves, so separators
     * appear in the padding too: {@code format(1234, '010,')} is {@code 00,001,234}.
     */
    private static String assemble(boolean negative, String prefix, String digits, String rest, FormatSpec spec) {
        String sign = negative ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
        char align = spec.align == FormatSpec.NONE ? '>' : spec.align;
        int minDigits = 0;
        if (spec.fill == '0' && align == '=') {
            minDigits = spec.width - sign.length() - prefix.length() - rest.length();
        }
        String grouped = group(digits, spec.grouping, spec.groupSize(), minDigits);
        String body = grouped + rest;
        int padding = spec.width - sign.length() - prefix.length() - body.length();
        if (padding <= 0) return sign + prefix + body;
        String fill = String.valueOf(spec.fill).repeat(padding);
        switch (align) {
            case '<': return sign + prefix + body + fill;
            case '=': return sign + prefix + fill + body;
            case '^':
                int left = padding / 2;
                return fill.substring(0, left) + sign + prefix + body + fill.substring(left);
            default: return fill + sign + prefix + body;
        }
    }

    /** Inserts a separator every {@code size} digits from the right, zero-extending to minWidth chars. */
    static String group(String digits, char separator, int size, int minWidth) {
        if (separator == FormatSpec.NONE) {
            return digits.length() >= minWidth ? digits : "0".repeat(minWidth - digits.length()) + digits;
        }
        StringBuilder b = new StringBuilder(digits.length() * 4 / 3 + 2);
        int count = 0;
        for (int i = digits.length() - 1; i >= 0; i--) {
            if (count == size) {
                b.append(separator);
                count = 0;
            }
            b.append(digits.charAt(i));
            count++;
        }
        while (b.length() < minWidth) {
            if (count == size) {
                b.append(separator); // a group never starts with a separator: a digit always follows
                count = 0;
            }
            b.append('0');
            count++;
        }
        return b.reverse().toString();
    }

    /** Pads {@code s} to width with fill, aligned left, right or centre. */
    public static String pad(String s, int width, char fill, char align) {
        int padding = width - s.length();
        if (padding <= 0) return s;
        String f = String.valueOf(fill).repeat(padding);
        switch (align) {
            case '<': return s + f;
            case '^':
                int left = padding / 2;
                return f.substring(0, left) + s + f.substring(left);
            default: return f + s;
        }
    }

    private static ToyError unknownCode(char type, String typeName) {
        String code = type >= 32 && type < 128 ? "'" + type + "'" : String.format("'\\x%x'", (int) type);
        return Errors.valueError("Unknown format code " + code + " for object of type '" + typeName + "'");
    }
}
