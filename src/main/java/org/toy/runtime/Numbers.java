package org.toy.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numeric helpers shared by int and float: exact mixed comparison, float repr, float hashing,
 * {@code round()}, and the string-to-number parsing behind {@code int()} and {@code float()}.
 */
public final class Numbers {
    private Numbers() {}

    /** Compares an int with a double exactly (no rounding of big ints), as CPython's float_richcompare. */
    public static int compareIntFloat(ToyInt i, double d) {
        if (Double.isNaN(d)) return 2; // unordered: never equal
        if (Double.isInfinite(d)) return d > 0 ? -1 : 1;
        if (i.isSmall() && Math.abs(i.value) < (1L << 53)) return Double.compare((double) i.value, d + 0.0);
        return new BigDecimal(i.toBig()).compareTo(new BigDecimal(d));
    }

    // ---- repr -----------------------------------------------------------------------------

    /** repr(float): the shortest string that round-trips (closest if several), in Python's notation. */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        BigDecimal shortest = shortestDigits(Math.abs(d));
        String digits = shortest.unscaledValue().toString();
        int exponent = digits.length() - 1 - shortest.scale(); // decimal exponent of the first digit
        String sign = d < 0 ? "-" : "";
        if (exponent >= 16 || exponent < -4) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
                    + Math.abs(exponent);
        }
        if (exponent < 0) return sign + "0." + "0".repeat(-exponent - 1) + digits;
        if (digits.length() <= exponent + 1) return sign + digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
        return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }

    /**
     * The shortest decimal that reads back as {@code d} (positive, finite), trailing zeros stripped.
     * Java 17's Double.toString always round-trips but is sometimes a digit or two too long, so its
     * length is only the starting point; shorter candidates are rounded from the exact binary value.
     */
    private static BigDecimal shortestDigits(double d) {
        BigDecimal exact = new BigDecimal(d);
        int p = significantDigits(Double.toString(d));
        BigDecimal best = roundTripping(exact, p, d);
        if (best == null) { // cannot happen with a correct Double.toString; be safe anyway
            for (p = 17; best == null; p++) best = roundTripping(exact, p, d);
        }
        while (p > 1) {
            BigDecimal shorter = roundTripping(exact, p - 1, d);
            if (shorter == null) break;
            best = shorter;
            p--;
        }
        return best.stripTrailingZeros();
    }

    /** The p-digit decimal nearest to {@code exact} that reads back as {@code d}, or null. */
    private static BigDecimal roundTripping(BigDecimal exact, int p, double d) {
        BigDecimal nearest = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
        if (nearest.doubleValue() == d) return nearest;
        // Just above a power of two the gap below is half the gap above, so the nearest p-digit
        // number can miss while the one on the other side still reads back.
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal other = exact.round(new MathContext(p, mode));
            if (other.doubleValue() == d) return other;
        }
        return null;
    }

    private static int significantDigits(String javaRepr) {
        int end = javaRepr.indexOf('E');
        String mantissa = end < 0 ? javaRepr : javaRepr.substring(0, end);
        String digits = mantissa.replace(".", "").replace("-", "");
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') start++;
        int stop = digits.length();
        while (stop > start + 1 && digits.charAt(stop - 1) == '0') stop--;
        return stop - start;
    }

    // ---- hash -----------------------------------------------------------------------------

    /** hash(float): equal to the int hash when the float is integral, as CPython's _Py_HashDouble. */
    public static long hashFloat(double d) {
        if (Double.isNaN(d)) return 0;
        if (Double.isInfinite(d)) return d > 0 ? 314159 : -314159;
        if (d == Math.rint(d) && Math.abs(d) < 9.2e18) return ToyInt.of((long) d).hash();
        // CPython's algorithm: reduce the mantissa modulo 2**61-1, 28 bits at a time.
        int[] e = new int[1];
        double m = frexp(d, e);
        int sign = 1;
        if (m < 0) { sign = -1; m = -m; }
        long x = 0;
        int exp = e[0];
        while (m != 0) {
            x = ((x << 28) & Hashing.MODULUS) | x >>> (61 - 28);
            m *= 268435456.0;
            exp -= 28;
            long y = (long) m;
            m -= y;
            x += y;
            if (x >= Hashing.MODULUS) x -= Hashing.MODULUS;
        }
        exp = exp >= 0 ? exp % 61 : 61 - 1 - ((-1 - exp) % 61);
        x = ((x << exp) & Hashing.MODULUS) | x >>> (61 - exp);
        x = x * sign;
        return x == -1 ? -2 : x;
    }

    /** C's frexp: {@code d = m * 2**exp[0]} with {@code 0.5 <= |m| < 1}. */
    static double frexp(double d, int[] exp) {
        if (d == 0) { exp[0] = 0; return d; }
        int bias = 0;
        if (Math.getExponent(d) < Double.MIN_EXPONENT) { // subnormal: scale into the normal range first
            d *= 0x1p54;
            bias = -54;
        }
        int e = Math.getExponent(d) + 1;
        exp[0] = e + bias;
        return Math.scalb(d, -e);
    }

    // ---- round ----------------------------------------------------------------------------

    /** Python's {@code round(x, ndigits)} for ints and floats ({@code ndigits} may be None). */
    public static ToyObject round(ToyObject x, ToyObject ndigits) {
        if (x instanceof ToyInt i) {
            ToyInt plain = i instanceof ToyBool ? ToyInt.of(i.value) : i; // round(True) is the int 1
            if (ndigits == ToyNone.NONE) return plain;
            ToyInt n = ndigits.index();
            if (n.isSmall() && n.value >= 0 || !n.isSmall() && n.big.signum() > 0) return plain;
            if (!n.isSmall() || n.value < -100000) return ToyInt.of(0);
            BigInteger pow = BigInteger.TEN.pow((int) -n.value);
            BigDecimal r = new BigDecimal(i.toBig()).divide(new BigDecimal(pow)).setScale(0, RoundingMode.HALF_EVEN);
            return ToyInt.of(r.toBigInteger().multiply(pow));
        }
        if (x instanceof ToyFloat f) {
            double d = f.value;
            if (ndigits == ToyNone.NONE) {
                if (Double.isNaN(d)) throw Errors.valueError("cannot convert float NaN to integer");
                if (Double.isInfinite(d)) throw Errors.overflow("cannot convert float infinity to integer");
                return floatToInt(Math.rint(d));
            }
            ToyInt n = ndigits.index();
            if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) return f;
            long places = n.isSmall() ? n.value : (n.big.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
            if (places > 323) return f; // finer than the smallest subnormal: nothing to round
            if (places < -308) return ToyFloat.of(Math.copySign(0.0, d));
            double r = new BigDecimal(d).setScale((int) places, RoundingMode.HALF_EVEN).doubleValue();
            if (Double.isInfinite(r)) throw Errors.overflow("rounded value too large to represent");
            return ToyFloat.of(r == 0 ? Math.copySign(0.0, d) : r);
        }
        throw Errors.typeError("type " + x.type().name() + " doesn't define __round__ method");
    }

    /** {@code int(d)} for a float: truncates toward zero; NaN and infinities are refused. */
    public static ToyInt floatToInt(double d) {
        if (Double.isNaN(d)) throw Errors.valueError("cannot convert float NaN to integer");
        if (Double.isInfinite(d)) throw Errors.overflow("cannot convert float infinity to integer");
        if (Math.abs(d) < 9.2e18) return ToyInt.of((long) d);
        return ToyInt.of(new BigDecimal(d).toBigInteger());
    }

    // ---- parsing --------------------------------------------------------------------------

    /**
     * {@code int(text, base)}: surrounding whitespace, a sign, a {@code 0x}/{@code 0o}/{@code 0b}
     * prefix (required to match when base is 16/8/2, inferred when base is 0) and single
     * underscores between digits, as CPython's PyLong_FromString.
     */
    public static ToyInt parseInt(String text, int base) {
        if (base != 0 && (base < 2 || base > 36)) throw Errors.valueError("int() base must be >= 2 and <= 36, or 0");
        String s = text.strip();
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) negative = s.charAt(i++) == '-';
        int b = base;
        if (s.length() - i >= 2 && s.charAt(i) == '0') {
            char p = Character.toLowerCase(s.charAt(i + 1));
            int prefixBase = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
            if (prefixBase != 0 && (base == 0 || base == prefixBase)) {
                b = prefixBase;
                i += 2;
                if (i < s.length() && s.charAt(i) == '_') i++; // 0x_ff is allowed
            }
        }
        boolean inferred = b == 0;
        if (inferred) b = 10;
        StringBuilder digits = new StringBuilder(s.length());
        boolean lastUnderscore = true; // an underscore may not lead
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                if (lastUnderscore) throw invalidLiteral(text, base);
                lastUnderscore = true;
                continue;
            }
            int v = Character.digit(c, b);
            if (v < 0) throw invalidLiteral(text, base);
            digits.append(Character.forDigit(v, b));
            lastUnderscore = false;
        }
        if (digits.length() == 0 || lastUnderscore) throw invalidLiteral(text, base);
        // Base 0 forbids leading zeros in a nonzero decimal ("010"), as Python literals do.
        if (inferred && digits.charAt(0) == '0' && digits.chars().anyMatch(ch -> ch != '0')) {
            throw invalidLiteral(text, base);
        }
        String ds = digits.toString();
        if (ds.length() <= 18 && b == 10 || ds.length() <= 12) {
            long v = Long.parseLong(ds, b);
            return ToyInt.of(negative ? -v : v);
        }
        BigInteger v = new BigInteger(ds, b);
        return ToyInt.of(negative ? v.negate() : v);
    }

    private static ToyError invalidLiteral(String text, int base) {
        return Errors.valueError("invalid literal for int() with base " + base + ": " + Strings.repr(text));
    }

    /** {@code float(text)}: decimal and exponent forms, inf/infinity/nan in any case, underscores between digits. */
    public static double parseFloat(String text) {
        String s = text.strip();
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        String body = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        boolean negative = lower.startsWith("-");
        if (body.equals("inf") || body.equals("infinity")) return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (body.equals("nan")) return Double.NaN;
        if (!isDecimalFloat(body)) throw Errors.valueError("could not convert string to float: " + Strings.repr(text));
        return Double.parseDouble((negative ? "-" : "") + toAsciiDigits(body.replace("_", "")));
    }

    /** digits [. digits] [e [+-] digits], with at least one digit in the mantissa; underscores only between digits. */
    private static boolean isDecimalFloat(String s) {
        int i = 0, n = s.length();
        int mantissaDigits = 0;
        i = digitRun(s, i);
        mantissaDigits += i;
        if (i < 0) return false;
        if (i < n && s.charAt(i) == '.') {
            int j = digitRun(s, i + 1);
            if (j < 0) return false;
            mantissaDigits += j - i - 1;
            i = j;
        }
        if (mantissaDigits == 0) return false;
        if (i < n && s.charAt(i) == 'e') {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int j = digitRun(s, i);
            if (j <= i) return false;
            i = j;
        }
        return i == n;
    }

    /** The end of a run of digits with single inner underscores starting at i, or -1 if malformed. */
    private static int digitRun(String s, int i) {
        int start = i;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                i++;
            } else if (c == '_' && i > start && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** Unicode decimal digits (Arabic-Indic and so on) are accepted by Python: map them to ASCII. */
    private static String toAsciiDigits(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 127 && Character.isDigit(c)) {
                if (b == null) b = new StringBuilder(s);
                b.setCharAt(i, (char) ('0' + Character.digit(c, 10)));
            }
        }
        return b == null ? s : b.toString();
    }
}
