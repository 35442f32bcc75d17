package org.toy.runtime;

import org.toy.ast.BinaryOp;
import org.toy.ast.CompareOp;

/** Python's float: an IEEE double. Arithmetic lives in {@link FloatMath}, repr and hash in {@link Numbers}. */
public final class ToyFloat extends ToyObject {
    public static final ToyType TYPE = new ToyType("float", ToyType.OBJECT);

    public final double value;

    public ToyFloat(double value) { this.value = value; }

    public static ToyFloat of(double v) { return new ToyFloat(v); }

    @Override public ToyType type() { return TYPE; }

    @Override public String repr() { return Numbers.floatRepr(value); }

    @Override public String format(String spec) { return Formatter.formatFloat(value, FormatSpec.parse(spec, this)); }

    @Override public boolean isTrue() { return value != 0.0; }

    @Override
    public boolean eq(ToyObject other) {
        if (other instanceof ToyFloat f) return value == f.value;
        if (other instanceof ToyInt i) return Numbers.compareIntFloat(i, value) == 0;
        return false;
    }

    @Override public long hash() { return Numbers.hashFloat(value); }

    /** Floats combine with floats and ints; any other operand is declined. */
    private static boolean isNumber(ToyObject o) { return o instanceof ToyFloat || o instanceof ToyInt; }

    private static double toDouble(ToyObject o) {
        return o instanceof ToyFloat f ? f.value : IntMath.toDouble((ToyInt) o);
    }

    @Override
    public ToyObject binary(BinaryOp op, ToyObject other) {
        if (!isNumber(other)) return NotImplemented.NOT_IMPLEMENTED;
        return FloatMath.binary(op, value, toDouble(other));
    }

    @Override
    public ToyObject binaryReflected(BinaryOp op, ToyObject other) {
        if (!isNumber(other)) return NotImplemented.NOT_IMPLEMENTED;
        return FloatMath.binary(op, toDouble(other), value);
    }

    @Override
    public ToyObject compare(CompareOp op, ToyObject other) {
        if (other instanceof ToyFloat f) {
            double a = value, b = f.value;
            switch (op) {
                case LT: return ToyBool.of(a < b);
                case LE: return ToyBool.of(a <= b);
                case EQ: return ToyBool.of(a == b);
                case NE: return ToyBool.of(a != b);
                case GT: return ToyBool.of(a > b);
                case GE: return ToyBool.of(a >= b);
                default: return NotImplemented.NOT_IMPLEMENTED;
            }
        }
        if (other instanceof ToyInt i) {
            int c = Numbers.compareIntFloat(i, value);
            if (c == 2) return ToyBool.of(op == CompareOp.NE);
            return ToyBool.of(ToyInt.holds(op, -c));
        }
        return NotImplemented.NOT_IMPLEMENTED;
    }

    @Override public ToyObject negative() { return of(-value); }

    @Override public ToyObject positive() { return this; }

    static {
        TYPE.setConstructor(Constructors::newFloat);
        TYPE.method("is_integer", (ts, args, kw) -> {
            Args.none("is_integer", args, kw, 1);
            double d = ((ToyFloat) args[0]).value;
            return ToyBool.of(!Double.isInfinite(d) && d == Math.floor(d));
        });
        TYPE.method("conjugate", (ts, args, kw) -> args[0]);
        TYPE.method("__round__", (ts, args, kw) -> {
            int n = Args.range("__round__", args, kw, 1, 0, 1);
            return Numbers.round(args[0], n == 0 ? ToyNone.NONE : args[1]);
        });
        TYPE.method("__trunc__", (ts, args, kw) -> Numbers.floatToInt(((ToyFloat) args[0]).value));
        TYPE.method("__int__", (ts, args, kw) -> Numbers.floatToInt(((ToyFloat) args[0]).value));
        TYPE.method("__format__", (ts, args, kw) -> {
            Args.one("__format__", args, kw, 1);
            return ToyStr.of(args[0].format(Strings.argument("__format__", 1, args[1])));
        });
    }

    @Override
    public ToyObject getAttr(String name) {
        switch (name) {
            case "real": return this;
            case "imag": return of(0.0);
            default: return super.getAttr(name);
        }
    }
}
