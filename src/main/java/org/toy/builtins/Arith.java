package org.toy.builtins;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.toy.runtime.Errors;
import org.toy.runtime.ToyFloat;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyObject;

/**
 * Numeric helpers the built-ins and the math module share: conversions with CPython's errors,
 * and the int/float fast paths that CPython's own {@code sum}, {@code divmod} and {@code abs} take
 * before falling back to the generic operators.
 */
public final class Arith {
    private Arith() {}

    public static boolean isNumber(ToyObject o) { return o instanceof ToyInt || o instanceof ToyFloat; }

    /** An int or float as a double (CPython's {@code PyFloat_AsDouble}), with its TypeError and OverflowError. */
    public static double toDouble(ToyObject o) {
        if (o instanceof ToyFloat f) return f.value;
        if (o instanceof ToyInt i) return intToDouble(i);
        throw Errors.typeError("must be real number, not " + o.type().name());
    }

    public static double intToDouble(ToyInt i) {
        if (i.isSmall()) return i.value;
        double d = i.big.doubleValue();
        if (Double.isInfinite(d)) throw Errors.overflow("int too large to convert to float");
        return d;
    }

    /** int(d) for an integral-valued or truncated double: the exact integer, however big. */
    public static ToyInt floatToInt(double d) {
        if (Double.isNaN(d)) throw Errors.valueError("cannot convert float NaN to integer");
        if (Double.isInfinite(d)) throw Errors.overflow("cannot convert float infinity to integer");
        if (Math.abs(d) < 9.0e18) return ToyInt.of((long) d);
        return ToyInt.of(new BigDecimal(d).toBigInteger());
    }

    public static ToyInt add(ToyInt a, ToyInt b) {
        if (a.isSmall() && b.isSmall()) {
            long r = a.value + b.value;
            // Overflow iff both operands have the sign opposite to the result's (Hacker's Delight 2-13).
            if (((a.value ^ r) & (b.value ^ r)) >= 0) return ToyInt.of(r);
        }
        return ToyInt.of(a.toBig().add(b.toBig()));
    }

    public static ToyInt multiply(ToyInt a, ToyInt b) {
        if (a.isSmall() && b.isSmall()) {
            long hi = Math.multiplyHigh(a.value, b.value);
            long lo = a.value * b.value;
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return ToyInt.of(lo);
        }
        return ToyInt.of(a.toBig().multiply(b.toBig()));
    }

    public static ToyInt negate(ToyInt a) {
        if (a.isSmall() && a.value != Long.MIN_VALUE) return ToyInt.of(-a.value);
        return ToyInt.of(a.toBig().negate());
    }

    /** {@code abs(o)} for numbers; other types raise CPython's "bad operand type for abs()". */
    public static ToyObject abs(ToyObject o) {
        if (o instanceof ToyFloat f) return ToyFloat.of(Math.abs(f.value));
        if (o instanceof ToyInt i) {
            boolean negative = i.isSmall() ? i.value < 0 : i.big.signum() < 0;
            if (!negative) return i instanceof org.toy.runtime.ToyBool ? ToyInt.of(i.value) : i;
            return negate(i);
        }
        ToyObject custom = org.toy.runtime.SpecialMethods.callIfDefined(o, "__abs__");
        if (custom != null) return custom;
        throw Errors.typeError("bad operand type for abs(): '" + o.type().name() + "'");
    }

    /** Python's floor division and modulo of two ints, as {@code {quotient, remainder}}. */
    public static ToyInt[] divmod(ToyInt a, ToyInt b) {
        if (b.isSmall() && b.value == 0) throw Errors.zeroDivision("integer division or modulo by zero");
        if (a.isSmall() && b.isSmall() && !(a.value == Long.MIN_VALUE && b.value == -1)) {
            return new ToyInt[] {ToyInt.of(Math.floorDiv(a.value, b.value)), ToyInt.of(Math.floorMod(a.value, b.value))};
        }
        BigInteger[] qr = a.toBig().divideAndRemainder(b.toBig());
        // Java truncates toward zero; Python floors, so a remainder whose sign differs from b's moves one step.
        if (qr[1].signum() != 0 && qr[1].signum() != b.toBig().signum()) {
            qr[0] = qr[0].subtract(BigInteger.ONE);
            qr[1] = qr[1].add(b.toBig());
        }
        return new ToyInt[] {ToyInt.of(qr[0]), ToyInt.of(qr[1])};
    }

    /** CPython's {@code float_divmod}: floor quotient and a remainder with the divisor's sign. */
    public static double[] divmod(double vx, double wx) {
        if (wx == 0.0) throw Errors.zeroDivision("float divmod()");
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0.0) {
            if ((wx < 0) != (mod < 0)) {
                mod += wx;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, wx);
        }
        double floordiv;
        if (div != 0.0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) floordiv += 1.0;
        } else {
            floordiv = Math.copySign(0.0, vx / wx);
        }
        return new double[] {floordiv, mod};
    }
}
