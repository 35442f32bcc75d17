package org.toy.runtime;

import org.toy.ast.BinaryOp;

/** Arithmetic on Python floats ({@code Objects/floatobject.c}), including its error cases. */
public final class FloatMath {
    private FloatMath() {}

    /** {@code a OP b} for two doubles; NOT_IMPLEMENTED for operators floats do not define. */
    public static ToyObject binary(BinaryOp op, double a, double b) {
        switch (op) {
            case ADD: return ToyFloat.of(a + b);
            case SUBTRACT: return ToyFloat.of(a - b);
            case MULTIPLY: return ToyFloat.of(a * b);
            case TRUE_DIVIDE:
                if (b == 0.0) throw Errors.zeroDivision("float division by zero");
                return ToyFloat.of(a / b);
            case FLOOR_DIVIDE:
                if (b == 0.0) throw Errors.zeroDivision("float floor division by zero");
                return ToyFloat.of(floorDivide(a, b));
            case REMAINDER:
                if (b == 0.0) throw Errors.zeroDivision("float modulo");
                return ToyFloat.of(remainder(a, b));
            case POWER: return ToyFloat.of(power(a, b));
            default: return NotImplemented.NOT_IMPLEMENTED;
        }
    }

    /** {@code a % b} with the divisor's sign; Java's {@code %} on doubles is C's fmod. */
    public static double remainder(double a, double b) {
        double mod = a % b;
        if (mod != 0) {
            if ((b < 0) != (mod < 0)) mod += b;
        } else {
            mod = Math.copySign(0.0, b);
        }
        return mod;
    }

    /** {@code a // b} as CPython's _float_div_mod: derived from fmod so that divmod stays consistent. */
    public static double floorDivide(double a, double b) {
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0 && ((b < 0) != (mod < 0))) div -= 1.0;
        if (div != 0) {
            double floor = Math.floor(div);
            if (div - floor > 0.5) floor += 1.0; // snap to the nearest integral value
            return floor;
        }
        return Math.copySign(0.0, a / b);
    }

    /** {@code divmod(a, b)} for floats. */
    public static ToyTuple divmod(double a, double b) {
        if (b == 0.0) throw Errors.zeroDivision("float divmod()");
        return ToyTuple.of(ToyFloat.of(floorDivide(a, b)), ToyFloat.of(remainder(a, b)));
    }

    /**
     * {@code a ** b} following CPython's float_pow case by case. A negative base with a fractional
     * exponent gives a complex number in Python; Toy has no complex type, so it raises ValueError.
     */
    public static double power(double a, double b) {
        if (b == 0) return 1.0;
        if (Double.isNaN(a)) return a;
        if (Double.isNaN(b)) return a == 1.0 ? 1.0 : b;
        if (Double.isInfinite(b)) {
            double abs = Math.abs(a);
            if (abs == 1.0) return 1.0;
            return (b > 0) == (abs > 1.0) ? Double.POSITIVE_INFINITY : 0.0;
        }
        if (Double.isInfinite(a)) {
            boolean odd = isOddInteger(b);
            if (b > 0) return odd ? a : Math.abs(a);
            return odd ? Math.copySign(0.0, a) : 0.0;
        }
        if (a == 0.0) {
            if (b < 0) throw Errors.zeroDivision("0.0 cannot be raised to a negative power");
            return isOddInteger(b) ? a : 0.0;
        }
        boolean negate = false;
        if (a < 0) {
            if (b != Math.floor(b)) {
                throw Errors.valueError("negative number cannot be raised to a fractional power"
                        + " (the result would be complex, which Toy does not support)");
            }
            a = -a;
            negate = isOddInteger(b);
        }
        if (a == 1.0) return negate ? -1.0 : 1.0;
        double r = Math.pow(a, b);
        if (Double.isInfinite(r)) throw Errors.overflow("(34, 'Numerical result out of range')");
        return negate ? -r : r;
    }

    private static boolean isOddInteger(double d) {
        return Math.abs(d) < 9.007199254740992E15 && d == Math.floor(d) && ((long) d & 1) != 0;
    }
}
