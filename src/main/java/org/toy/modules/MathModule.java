package org.toy.modules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.toy.ast.BinaryOp;
import org.toy.builtins.Arith;
import org.toy.builtins.Iteration;
import org.toy.builtins.Signature;
import org.toy.runtime.Args;
import org.toy.runtime.Errors;
import org.toy.runtime.Ops;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyFloat;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyTuple;
import org.toy.vm.ThreadState;

/**
 * The {@code math} module. Float functions follow CPython's {@code math_1}/{@code math_2} rules:
 * a NaN result from a non-NaN argument is "math domain error" (ValueError); an infinite result
 * from finite arguments is "math range error" (OverflowError) where the function can overflow,
 * and a domain error otherwise ({@code log(0)}). Integer functions work on big ints exactly.
 */
final class MathModule {
    private MathModule() {}

    static ToyModule create() {
        ToyModule m = new ToyModule("math");
        m.define("pi", ToyFloat.of(Math.PI));
        m.define("e", ToyFloat.of(Math.E));
        m.define("tau", ToyFloat.of(2 * Math.PI));
        m.define("inf", ToyFloat.of(Double.POSITIVE_INFINITY));
        m.define("nan", ToyFloat.of(Double.NaN));

        unary(m, "sqrt", Math::sqrt, false);
        unary(m, "exp", Math::exp, true);
        unary(m, "exp2", x -> Math.pow(2, x), true);
        unary(m, "expm1", Math::expm1, true);
        unary(m, "log1p", Math::log1p, false);
        unary(m, "cbrt", Math::cbrt, false);
        unary(m, "fabs", Math::abs, false);
        unary(m, "sin", Math::sin, false);
        unary(m, "cos", Math::cos, false);
        unary(m, "tan", Math::tan, false);
        unary(m, "asin", Math::asin, false);
        unary(m, "acos", Math::acos, false);
        unary(m, "atan", Math::atan, false);
        unary(m, "sinh", StrictMath::sinh, true);
        unary(m, "cosh", MathModule::cosh, true);
        unary(m, "tanh", Math::tanh, false);
        unary(m, "asinh", MathModule::asinh, false);
        unary(m, "acosh", x -> Math.log(x + Math.sqrt(x * x - 1)), false);
        unary(m, "atanh", x -> Math.abs(x) >= 1 ? Double.NaN : 0.5 * Math.log1p(2 * x / (1 - x)), false);
        unary(m, "degrees", Math::toDegrees, false);
        unary(m, "radians", Math::toRadians, false);
        binary(m, "atan2", Math::atan2, false);
        binary(m, "copysign", Math::copySign, false);
        binary(m, "fmod", (x, y) -> Double.isInfinite(y) && Double.isFinite(x) ? x : x % y, false);
        binary(m, "pow", MathModule::pow, true);

        m.function("log", MathModule::log);
        m.function("log2", (ts, args, kw) -> {
            Args.one("math.log2", args, kw, 0);
            return ToyFloat.of(log(args[0], MathModule::log2));
        });
        m.function("log10", (ts, args, kw) -> {
            Args.one("math.log10", args, kw, 0);
            return ToyFloat.of(log(args[0], Math::log10));
        });
        m.function("floor", (ts, args, kw) -> rounding(ts, args, kw, "floor", Math::floor));
        m.function("ceil", (ts, args, kw) -> rounding(ts, args, kw, "ceil", Math::ceil));
        m.function("trunc", MathModule::trunc);
        m.function("isnan", (ts, args, kw) -> test("isnan", args, kw, x -> Double.isNaN(x)));
        m.function("isinf", (ts, args, kw) -> test("isinf", args, kw, x -> Double.isInfinite(x)));
        m.function("isfinite", (ts, args, kw) -> test("isfinite", args, kw, x -> Double.isFinite(x)));
        m.function("isclose", MathModule::isclose);
        m.function("hypot", (ts, args, kw) -> {
            Args.noKeywords("math.hypot", kw);
            double r = 0;
            boolean infinite = false;
            for (ToyObject a : args) {
                double x = Arith.toDouble(a);
                infinite |= Double.isInfinite(x);
                r = Math.hypot(r, x);
            }
            return ToyFloat.of(infinite ? Double.POSITIVE_INFINITY : r);
        });
        m.function("modf", (ts, args, kw) -> {
            Args.one("math.modf", args, kw, 0);
            double x = Arith.toDouble(args[0]);
            if (Double.isInfinite(x)) return ToyTuple.of(ToyFloat.of(Math.copySign(0.0, x)), ToyFloat.of(x));
            double whole = x < 0 ? Math.ceil(x) : Math.floor(x);
            return ToyTuple.of(ToyFloat.of(Math.copySign(x - whole, x)), ToyFloat.of(whole));
        });
        m.function("frexp", (ts, args, kw) -> {
            Args.one("math.frexp", args, kw, 0);
            double x = Arith.toDouble(args[0]);
            if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) return ToyTuple.of(ToyFloat.of(x), ToyInt.of(0));
            int e = Math.getExponent(x) + 1;
            double mantissa = x / Math.scalb(1.0, e);
            // Subnormal numbers report the minimum exponent: normalise them by hand.
            while (Math.abs(mantissa) < 0.5) {
                mantissa *= 2;
                e--;
            }
            return ToyTuple.of(ToyFloat.of(mantissa), ToyInt.of(e));
        });
        m.function("ldexp", (ts, args, kw) -> {
            Signature.positional("ldexp", args, kw, 2, 2);
            double x = Arith.toDouble(args[0]);
            if (!(args[1] instanceof ToyInt i)) throw Errors.typeError("Expected an int as second argument to ldexp.");
            int exp = i.fitsInt() ? (int) i.value : (i.toBig().signum() > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE);
            double r = x == 0 || !Double.isFinite(x) ? x : Math.scalb(x, exp);
            if (Double.isInfinite(r) && Double.isFinite(x)) throw Errors.overflow("math range error");
            return ToyFloat.of(r);
        });
        m.function("fsum", (ts, args, kw) -> {
            Args.one("math.fsum", args, kw, 0);
            return ToyFloat.of(fsum(args[0]));
        });
        m.function("prod", MathModule::prod);
        m.function("gcd", (ts, args, kw) -> {
            Args.noKeywords("math.gcd", kw);
            BigInteger g = BigInteger.ZERO;
            for (ToyObject a : args) g = g.gcd(a.index().toBig());
            return ToyInt.of(g);
        });
        m.function("lcm", (ts, args, kw) -> {
            Args.noKeywords("math.lcm", kw);
            BigInteger l = BigInteger.ONE;
            for (ToyObject a : args) {
                BigInteger b = a.index().toBig().abs();
                if (b.signum() == 0 || l.signum() == 0) l = BigInteger.ZERO;
                else l = l.divide(l.gcd(b)).multiply(b);
            }
            return ToyInt.of(l);
        });
        m.function("factorial", (ts, args, kw) -> {
            Args.one("math.factorial", args, kw, 0);
            BigInteger n = args[0].index().toBig();
            if (n.signum() < 0) throw Errors.valueError("factorial() not defined for negative values");
            if (n.bitLength() > 31) throw Errors.overflow("factorial() argument should not exceed 9223372036854775807");
            return ToyInt.of(product(1, n.intValueExact()));
        });
        m.function("isqrt", (ts, args, kw) -> {
            Args.one("math.isqrt", args, kw, 0);
            BigInteger n = args[0].index().toBig();
            if (n.signum() < 0) throw Errors.valueError("isqrt() argument must be nonnegative");
            return ToyInt.of(n.sqrt());
        });
        m.function("comb", (ts, args, kw) -> {
            Signature.positional("comb", args, kw, 2, 2);
            BigInteger[] nk = naturals(args[0], args[1]);
            BigInteger n = nk[0], k = nk[1];
            if (k.compareTo(n) > 0) return ToyInt.of(0);
            BigInteger smaller = k.min(n.subtract(k));
            return ToyInt.of(fallingFactorial(n, smaller).divide(product(1, smaller.intValueExact())));
        });
        m.function("perm", (ts, args, kw) -> {
            int count = Signature.positional("perm", args, kw, 1, 2);
            ToyObject k = count == 2 ? args[1] : ToyNone.NONE;
            if (k == ToyNone.NONE) {
                BigInteger n = naturals(args[0], ToyInt.of(0))[0];
                return ToyInt.of(product(1, n.intValueExact()));
            }
            BigInteger[] nk = naturals(args[0], k);
            if (nk[1].compareTo(nk[0]) > 0) return ToyInt.of(0);
            return ToyInt.of(fallingFactorial(nk[0], nk[1]));
        });
        return m;
    }

    // ---- float functions and their error rules ----------------------------------------------------

    private static void unary(ToyModule m, String name, DoubleUnaryOperator f, boolean canOverflow) {
        String qualified = "math." + name;
        m.function(name, (ts, args, kw) -> {
            Args.one(qualified, args, kw, 0);
            double x = Arith.toDouble(args[0]);
            return ToyFloat.of(checked(f.applyAsDouble(x), Double.isNaN(x), Double.isFinite(x), canOverflow));
        });
    }

    private static void binary(ToyModule m, String name, DoubleBinaryOperator f, boolean canOverflow) {
        m.function(name, (ts, args, kw) -> {
            Signature.positional(name, args, kw, 2, 2);
            double x = Arith.toDouble(args[0]), y = Arith.toDouble(args[1]);
            double r = f.applyAsDouble(x, y);
            return ToyFloat.of(checked(r, Double.isNaN(x) || Double.isNaN(y), Double.isFinite(x) && Double.isFinite(y),
                    canOverflow));
        });
    }

    private static double checked(double r, boolean nanInput, boolean finiteInput, boolean canOverflow) {
        if (Double.isNaN(r) && !nanInput) throw Errors.valueError("math domain error");
        if (Double.isInfinite(r) && finiteInput) {
            if (canOverflow) throw Errors.overflow("math range error");
            throw Errors.valueError("math domain error");
        }
        return r;
    }

    /** C99 pow's special cases where Java's Math.pow differs, and 0 ** negative as a domain error. */
    private static double pow(double x, double y) {
        if (x == 1.0 || y == 0.0) return 1.0;
        if (x == 0.0 && y < 0 && Double.isFinite(y)) return Double.NaN; // becomes "math domain error"
        if (x == -1.0 && Double.isInfinite(y)) return 1.0;
        return Math.pow(x, y);
    }

    /** glibc's form, {@code (e^|x| + e^-|x|) / 2}, which rounds as CPython's cosh does. */
    private static double cosh(double x) {
        double a = Math.abs(x);
        if (a < 22) {
            double t = Math.exp(a);
            return 0.5 * t + 0.5 / t;
        }
        if (a < 709.78) return 0.5 * Math.exp(a);
        double half = Math.exp(0.5 * a); // e^a overflows before e^a / 2 does
        return (0.5 * half) * half;
    }

    private static double asinh(double x) {
        if (Double.isInfinite(x) || x == 0) return x;
        double a = Math.abs(x);
        // glibc's forms: log1p near zero keeps the last bits that log(a + sqrt(a*a + 1)) loses.
        double r = a > 2 ? Math.log(2 * a + 1 / (Math.sqrt(a * a + 1) + a)) : Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return Math.copySign(r, x);
    }

    private static double log2(double x) {
        // Exact for powers of two, as C's log2 is.
        if (x > 0 && Double.isFinite(x) && (Double.doubleToRawLongBits(x) & 0x000FFFFFFFFFFFFFL) == 0 && x >= Double.MIN_NORMAL) {
            return Math.getExponent(x);
        }
        // Split off the binary exponent so that only the mantissa's logarithm is rounded.
        int e = Math.getExponent(x) + 1;
        double mantissa = x / Math.scalb(1.0, e);
        return e + Math.log(mantissa) / Math.log(2);
    }

    /** {@code log(x[, base])}. */
    private static ToyObject log(ThreadState ts, ToyObject[] args, String[] kw) {
        Args.noKeywords("math.log", kw);
        if (args.length < 1 || args.length > 2) throw Errors.typeError("math.log requires 1 to 2 arguments");
        int n = args.length;
        double num = log(args[0], Math::log);
        if (n == 1) return ToyFloat.of(num);
        double den = log(args[1], Math::log);
        if (den == 0) throw Errors.zeroDivision("float division by zero");
        return ToyFloat.of(num / den);
    }

    /**
     * A logarithm of an int or float; an int too big for a double is taken as
     * {@code f(x / 2**k) + k * f(2)}, as CPython's loghelper does.
     */
    private static double log(ToyObject x, DoubleUnaryOperator f) {
        if (x instanceof ToyInt i && !i.isSmall()) {
            BigInteger v = i.big;
            if (v.signum() <= 0) throw Errors.valueError("math domain error");
            int shift = v.bitLength() - 60;
            double scaled = v.shiftRight(shift).doubleValue();
            return f.applyAsDouble(scaled) + shift * f.applyAsDouble(2.0);
        }
        double d = Arith.toDouble(x);
        if (d <= 0 || Double.isNaN(d)) {
            if (Double.isNaN(d)) return d;
            throw Errors.valueError("math domain error");
        }
        return f.applyAsDouble(d);
    }

    private static ToyObject test(String name, ToyObject[] args, String[] kw, java.util.function.DoublePredicate p) {
        Args.one("math." + name, args, kw, 0);
        return ToyBool.of(p.test(Arith.toDouble(args[0])));
    }

    // ---- rounding to ints ------------------------------------------------------------------------

    private static ToyObject rounding(ThreadState ts, ToyObject[] args, String[] kw, String name, DoubleUnaryOperator f) {
        Args.one("math." + name, args, kw, 0);
        ToyObject x = args[0];
        if (x instanceof ToyInt i) return ToyInt.of(i.toBig());
        if (x instanceof ToyFloat fl) return Arith.floatToInt(f.applyAsDouble(fl.value));
        ToyObject custom = x.type().lookup("__" + name + "__");
        if (custom != null) return ts.call(custom, x);
        return Arith.floatToInt(f.applyAsDouble(Arith.toDouble(x)));
    }

    private static ToyObject trunc(ThreadState ts, ToyObject[] args, String[] kw) {
        Args.one("math.trunc", args, kw, 0);
        ToyObject x = args[0];
        if (x instanceof ToyInt i) return ToyInt.of(i.toBig());
        if (x instanceof ToyFloat f) return Arith.floatToInt(f.value);
        ToyObject custom = x.type().lookup("__trunc__");
        if (custom == null) throw Errors.typeError("type " + x.type().name() + " doesn't define __trunc__ method");
        return ts.call(custom, x);
    }

    private static final Signature ISCLOSE = new Signature("isclose", 0, 2, 2, "a", "b", "rel_tol", "abs_tol");

    private static ToyObject isclose(ThreadState ts, ToyObject[] args, String[] kw) {
        ToyObject[] a = ISCLOSE.bind(args, kw, 0);
        double x = Arith.toDouble(a[0]), y = Arith.toDouble(a[1]);
        double relTol = a[2] == null ? 1e-9 : Arith.toDouble(a[2]);
        double absTol = a[3] == null ? 0.0 : Arith.toDouble(a[3]);
        if (relTol < 0 || absTol < 0) throw Errors.valueError("tolerances must be non-negative");
        if (x == y) return ToyBool.TRUE;
        if (Double.isInfinite(x) || Double.isInfinite(y)) return ToyBool.FALSE;
        double diff = Math.abs(y - x);
        return ToyBool.of(diff <= Math.abs(relTol * y) || diff <= Math.abs(relTol * x) || diff <= absTol);
    }

    // ---- sums and products -------------------------------------------------------------------------

    /** The correctly rounded sum: exact in BigDecimal, rounded once; infinities and NaN as CPython's. */
    private static double fsum(ToyObject iterable) {
        BigDecimal exact = BigDecimal.ZERO;
        boolean nan = false, posInf = false, negInf = false;
        ToyObject it = Iteration.iter(iterable);
        for (ToyObject item = it.next(); item != null; item = it.next()) {
            double x = Arith.toDouble(item);
            if (Double.isNaN(x)) nan = true;
            else if (x == Double.POSITIVE_INFINITY) posInf = true;
            else if (x == Double.NEGATIVE_INFINITY) negInf = true;
            else exact = exact.add(new BigDecimal(x));
        }
        if (posInf && negInf) throw Errors.valueError("-inf + inf in fsum");
        if (nan) return Double.NaN;
        if (posInf) return Double.POSITIVE_INFINITY;
        if (negInf) return Double.NEGATIVE_INFINITY;
        double r = exact.doubleValue();
        if (Double.isInfinite(r)) throw Errors.overflow("intermediate overflow in fsum");
        return r;
    }

    private static final Signature PROD = new Signature("prod", 1, 1, 1, "iterable", "start");

    /** {@code prod(iterable, /, *, start=1)} with int and float fast paths, then the generic {@code *}. */
    private static ToyObject prod(ThreadState ts, ToyObject[] args, String[] kw) {
        ToyObject[] a = PROD.bind(args, kw, 0);
        ToyObject result = a[1] == null ? ToyInt.of(1) : a[1];
        ToyObject it = Iteration.iter(a[0]);
        for (ToyObject item = it.next(); item != null; item = it.next()) {
            if (result instanceof ToyInt r && item instanceof ToyInt i) result = Arith.multiply(r, i);
            else if (Arith.isNumber(result) && Arith.isNumber(item)) {
                result = ToyFloat.of(Arith.toDouble(result) * Arith.toDouble(item)); // one is a float: float product
            }
            else result = Ops.binary(BinaryOp.MULTIPLY, result, item);
        }
        return result;
    }

    /** {@code lo * (lo+1) * ... * hi}, split in halves so the big multiplications stay balanced. */
    private static BigInteger product(long lo, long hi) {
        if (lo > hi) return BigInteger.ONE;
        if (hi - lo < 16) {
            BigInteger r = BigInteger.valueOf(lo);
            for (long i = lo + 1; i <= hi; i++) r = r.multiply(BigInteger.valueOf(i));
            return r;
        }
        long mid = (lo + hi) >>> 1;
        return product(lo, mid).multiply(product(mid + 1, hi));
    }

    /** {@code n * (n-1) * ... * (n-k+1)}. */
    private static BigInteger fallingFactorial(BigInteger n, BigInteger k) {
        BigInteger r = BigInteger.ONE;
        for (BigInteger i = BigInteger.ZERO; i.compareTo(k) < 0; i = i.add(BigInteger.ONE)) r = r.multiply(n.subtract(i));
        return r;
    }

    private static BigInteger[] naturals(ToyObject n, ToyObject k) {
        BigInteger bn = n.index().toBig(), bk = k.index().toBig();
        if (bn.signum() < 0) throw Errors.valueError("n must be a non-negative integer");
        if (bk.signum() < 0) throw Errors.valueError("k must be a non-negative integer");
        return new BigInteger[] {bn, bk};
    }
}
