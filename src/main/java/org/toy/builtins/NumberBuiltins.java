package org.toy.builtins;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.toy.ast.BinaryOp;
import org.toy.runtime.Args;
import org.toy.runtime.Errors;
import org.toy.runtime.Ops;
import org.toy.runtime.ToyFloat;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.vm.ThreadState;

/** The numeric built-ins: {@code abs round divmod pow bin hex oct}. */
final class NumberBuiltins {
    private NumberBuiltins() {}

    static void install(ToyModule builtins) {
        builtins.function("abs", (ts, args, kw) -> {
            Args.one("abs", args, kw, 0);
            return Arith.abs(args[0]);
        });
        builtins.function("round", NumberBuiltins::round);
        builtins.function("divmod", NumberBuiltins::divmod);
        builtins.function("pow", NumberBuiltins::pow);
        builtins.function("bin", (ts, args, kw) -> radix("bin", args, kw, 2, "0b"));
        builtins.function("oct", (ts, args, kw) -> radix("oct", args, kw, 8, "0o"));
        builtins.function("hex", (ts, args, kw) -> radix("hex", args, kw, 16, "0x"));
    }

    private static final Signature ROUND = Signature.of("round", 1, "number", "ndigits");

    /** Beyond these, rounding a double to ndigits decimals cannot change it (CPython's NDIGITS_MAX/MIN). */
    private static final int NDIGITS_MAX = 323;
    private static final int NDIGITS_MIN = -308;

    /** {@code round(number, ndigits=None)}: half to even, on the float's exact binary value. */
    static ToyObject round(ThreadState ts, ToyObject[] args, String[] kw) {
        ToyObject[] a = ROUND.bind(args, kw, 0);
        ToyObject number = a[0];
        boolean noDigits = a[1] == null || a[1] == ToyNone.NONE;
        if (number instanceof ToyFloat f) {
            if (noDigits) return Arith.floatToInt(Math.rint(f.value));
            return ToyFloat.of(roundDouble(f.value, clampedIndex(a[1])));
        }
        if (number instanceof ToyInt i) {
            if (noDigits) return ToyInt.of(i.toBig());
            long digits = clampedIndex(a[1]);
            if (digits >= 0) return ToyInt.of(i.toBig());
            if (digits < -Integer.MAX_VALUE) return ToyInt.of(0);
            BigDecimal rounded = new BigDecimal(i.toBig()).setScale((int) digits, RoundingMode.HALF_EVEN);
            return ToyInt.of(rounded.toBigInteger());
        }
        ToyObject custom = number.type().lookup("__round__");
        if (custom == null) {
            throw Errors.typeError("type " + number.type().name() + " doesn't define __round__ method");
        }
        return noDigits ? ts.call(custom, number) : ts.call(custom, number, a[1]);
    }

    /** An ndigits argument; huge values are clamped, as CPython's PyNumber_AsSsize_t(o, NULL) does. */
    private static long clampedIndex(ToyObject o) {
        ToyInt i = o.index();
        if (i.isSmall()) return i.value;
        return i.big.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    static double roundDouble(double x, long ndigits) {
        if (ndigits > NDIGITS_MAX || Double.isNaN(x) || Double.isInfinite(x) || x == 0.0) return x;
        if (ndigits < NDIGITS_MIN) return 0.0 * x;
        double r = new BigDecimal(x).setScale((int) ndigits, RoundingMode.HALF_EVEN).doubleValue();
        if (Double.isInfinite(r)) throw Errors.overflow("rounded value too large to represent");
        return r == 0.0 ? Math.copySign(0.0, x) : r;
    }

    /** {@code divmod(a, b)} for ints and floats; other types raise CPython's "unsupported ... divmod()". */
    static ToyObject divmod(ThreadState ts, ToyObject[] args, String[] kw) {
        Signature.positional("divmod", args, kw, 2, 2);
        ToyObject a = args[0], b = args[1];
        if (a instanceof ToyInt x && b instanceof ToyInt y) {
            ToyInt[] qr = Arith.divmod(x, y);
            return ToyTuple.of(qr[0], qr[1]);
        }
        if (Arith.isNumber(a) && Arith.isNumber(b)) {
            double[] qr = Arith.divmod(Arith.toDouble(a), Arith.toDouble(b));
            return ToyTuple.of(ToyFloat.of(qr[0]), ToyFloat.of(qr[1]));
        }
        throw Errors.unsupported("divmod()", a, b);
    }

    private static final Signature POW = Signature.of("pow", 2, "base", "exp", "mod");

    /** {@code pow(base, exp, mod=None)}: the {@code **} operator, or modular exponentiation on ints. */
    static ToyObject pow(ThreadState ts, ToyObject[] args, String[] kw) {
        ToyObject[] a = POW.bind(args, kw, 0);
        if (a[2] == null || a[2] == ToyNone.NONE) return Ops.binary(BinaryOp.POWER, a[0], a[1]);
        if (!(a[0] instanceof ToyInt base && a[1] instanceof ToyInt exp && a[2] instanceof ToyInt mod)) {
            throw Errors.typeError("pow() 3rd argument not allowed unless all arguments are integers");
        }
        BigInteger m = mod.toBig();
        if (m.signum() == 0) throw Errors.valueError("pow() 3rd argument cannot be 0");
        BigInteger abs = m.abs();
        BigInteger b = base.toBig(), e = exp.toBig();
        if (e.signum() < 0) {
            try {
                b = b.modInverse(abs);
            } catch (ArithmeticException notInvertible) {
                throw Errors.valueError("base is not invertible for the given modulus");
            }
            e = e.negate();
        }
        BigInteger r = b.modPow(e, abs);
        // Python's result takes the modulus's sign.
        if (m.signum() < 0 && r.signum() != 0) r = r.add(m);
        return ToyInt.of(r);
    }

    static ToyObject radix(String name, ToyObject[] args, String[] kw, int radix, String prefix) {
        Args.one(name, args, kw, 0);
        BigInteger v = args[0].index().toBig();
        String digits = v.abs().toString(radix);
        return ToyStr.of((v.signum() < 0 ? "-" : "") + prefix + digits);
    }
}
