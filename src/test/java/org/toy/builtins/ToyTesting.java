package org.toy.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.toy.ast.BinaryOp;
import org.toy.ast.CompareOp;
import org.toy.runtime.NotImplemented;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyFloat;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.Interpreter;
import org.toy.vm.ThreadState;

/**
 * A Toy interpreter on captured streams, with short ways to build values and call built-ins:
 * {@code call("divmod", i(7), i(2))}, {@code call("sorted", list, kw("reverse", TRUE))}.
 */
public class ToyTesting {
    public final ByteArrayOutputStream out = new ByteArrayOutputStream();
    public final ByteArrayOutputStream err = new ByteArrayOutputStream();
    public final Interpreter interp;
    public final ThreadState ts;
    public final ToyModule builtins;

    public ToyTesting() { this(""); }

    public ToyTesting(String stdin) {
        interp = new Interpreter(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new BufferedReader(new StringReader(stdin)));
        ts = new ThreadState(interp);
        builtins = Builtins.create(interp);
    }

    public String stdout() { return out.toString(StandardCharsets.UTF_8); }

    public String stderr() { return err.toString(StandardCharsets.UTF_8); }

    // ---- values ------------------------------------------------------------------------------------

    public static ToyInt i(long v) { return ToyInt.of(v); }
    public static ToyFloat f(double v) { return ToyFloat.of(v); }
    public static ToyStr s(String v) { return ToyStr.of(v); }
    public static ToyTuple tuple(ToyObject... items) { return ToyTuple.of(items); }
    public static ToyList list(ToyObject... items) { return ToyList.of(items.clone()); }
    public static ToyTuple ints(long... vs) {
        ToyObject[] items = new ToyObject[vs.length];
        for (int k = 0; k < vs.length; k++) items[k] = ToyInt.of(vs[k]);
        return ToyTuple.of(items);
    }
    public static final ToyBool TRUE = ToyBool.TRUE;
    public static final ToyBool FALSE = ToyBool.FALSE;

    /** A keyword argument for {@link #call}. */
    public record Kw(String name, ToyObject value) {}

    public static Kw kw(String name, ToyObject value) { return new Kw(name, value); }

    // ---- calls -------------------------------------------------------------------------------------

    public ToyObject fn(String name) { return builtins.getAttr(name); }

    public ToyObject call(String name, Object... parts) { return callObject(fn(name), parts); }

    /** Calls any callable with positional values and {@link Kw} keyword arguments, in the vectorcall shape. */
    public ToyObject callObject(ToyObject callable, Object... parts) {
        List<ToyObject> positional = new ArrayList<>();
        List<Kw> keywords = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof Kw k) keywords.add(k);
            else positional.add((ToyObject) p);
        }
        ToyObject[] args = new ToyObject[positional.size() + keywords.size()];
        String[] names = new String[keywords.size()];
        for (int k = 0; k < positional.size(); k++) args[k] = positional.get(k);
        for (int k = 0; k < keywords.size(); k++) {
            args[positional.size() + k] = keywords.get(k).value();
            names[k] = keywords.get(k).name();
        }
        return callable.call(ts, args, names);
    }

    /** Asserts that running {@code body} raises the Toy exception {@code "Type: message"}. */
    public static void assertRaises(String expected, Runnable body) {
        ToyError e = assertThrows(ToyError.class, body::run);
        assertEquals(expected, describe(e));
    }

    public static String describe(ToyError e) { return e.exception.type().name() + ": " + e.exception.str(); }

    /** The repr of the result, or {@code "Type: message"} for a Toy exception: one line of a differential table. */
    public static String outcome(java.util.function.Supplier<ToyObject> body) {
        try {
            return body.get().repr();
        } catch (ToyError e) {
            return describe(e);
        }
    }

    /** The items an iterator yields, as a list repr. */
    public static String drain(ToyObject iterator) {
        ToyList l = new ToyList();
        for (ToyObject x = iterator.next(); x != null; x = iterator.next()) l.append(x);
        return l.repr();
    }

    /**
     * A number that supports {@code <} and {@code +}, standing in for int while the runtime's int
     * arithmetic is on another branch. A tag tells equal numbers apart, to check sort stability.
     */
    public static final class Num extends ToyObject {
        public static final ToyType TYPE = new ToyType("Num", ToyType.OBJECT);
        final long value;
        final String tag;

        public Num(long value, String tag) {
            this.value = value;
            this.tag = tag;
        }

        public Num(long value) { this(value, ""); }

        @Override public ToyType type() { return TYPE; }

        @Override public String repr() { return value + tag; }

        @Override
        public ToyObject compare(CompareOp op, ToyObject other) {
            if (!(other instanceof Num o)) return NotImplemented.NOT_IMPLEMENTED;
            return switch (op) {
                case LT -> ToyBool.of(value < o.value);
                case GT -> ToyBool.of(value > o.value);
                case LE -> ToyBool.of(value <= o.value);
                case GE -> ToyBool.of(value >= o.value);
                default -> NotImplemented.NOT_IMPLEMENTED;
            };
        }

        @Override
        public ToyObject binary(BinaryOp op, ToyObject other) {
            if (op == BinaryOp.ADD && other instanceof Num o) return new Num(value + o.value);
            return NotImplemented.NOT_IMPLEMENTED;
        }
    }

    public static ToyTuple nums(long... vs) {
        ToyObject[] items = new ToyObject[vs.length];
        for (int k = 0; k < vs.length; k++) items[k] = new Num(vs[k]);
        return ToyTuple.of(items);
    }
}
