package org.toy.builtins;

import org.toy.runtime.Errors;
import org.toy.runtime.Strings;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyType;

/**
 * A text stream: what {@code open()} returns and what {@code sys.stdout} is. Both share CPython's
 * type name {@code _io.TextIOWrapper} and one set of Toy-visible methods, defined here once; the
 * subclasses supply the raw operations. The checks every method makes first (closed, readable,
 * writable) live here too, so their messages are the same everywhere.
 */
public abstract class ToyStream extends ToyObject {
    public static final ToyType TYPE = new ToyType("_io.TextIOWrapper", ToyType.OBJECT);

    private static final Signature READ = Signature.of("read", 0, "size");
    private static final Signature READLINE = Signature.of("readline", 0, "size");

    static {
        TYPE.method("read", (ts, args, kw) -> {
            ToyStream s = self(args).checkReadable();
            return ToyStr.of(s.read(size(READ.bind(args, kw, 1)[0])));
        });
        TYPE.method("readline", (ts, args, kw) -> {
            ToyStream s = self(args).checkReadable();
            return ToyStr.of(s.readLine(size(READLINE.bind(args, kw, 1)[0])));
        });
        TYPE.method("readlines", (ts, args, kw) -> {
            ToyStream s = self(args).checkReadable();
            ToyList lines = new ToyList();
            for (String line = s.readLine(-1); !line.isEmpty(); line = s.readLine(-1)) lines.append(ToyStr.of(line));
            return lines;
        });
        TYPE.method("write", (ts, args, kw) -> {
            Signature.positional("write", args, kw, 2, 2);
            String text = text(args[1]);
            self(args).checkWritable().write(text);
            return ToyInt.of(text.length());
        });
        TYPE.method("writelines", (ts, args, kw) -> {
            Signature.positional("writelines", args, kw, 2, 2);
            ToyStream s = self(args).checkWritable();
            ToyObject it = Iteration.iter(args[1]);
            for (ToyObject line = it.next(); line != null; line = it.next()) s.write(text(line));
            return ToyNone.NONE;
        });
        TYPE.method("flush", (ts, args, kw) -> {
            self(args).checkOpen().flush();
            return ToyNone.NONE;
        });
        TYPE.method("close", (ts, args, kw) -> {
            self(args).close();
            return ToyNone.NONE;
        });
        TYPE.method("readable", (ts, args, kw) -> ToyBool.of(self(args).checkOpen().readable()));
        TYPE.method("writable", (ts, args, kw) -> ToyBool.of(self(args).checkOpen().writable()));
        TYPE.method("isatty", (ts, args, kw) -> ToyBool.of(self(args).checkOpen().isInteractive()));
        TYPE.method("__iter__", (ts, args, kw) -> self(args).iter());
        TYPE.method("__next__", (ts, args, kw) -> {
            ToyObject line = self(args).next();
            if (line == null) throw IterationBuiltins.stopIteration();
            return line;
        });
        // The VM's `with` calls these; __exit__ closes the stream and lets any exception propagate.
        TYPE.method("__enter__", (ts, args, kw) -> self(args).checkOpen());
        TYPE.method("__exit__", (ts, args, kw) -> {
            self(args).close();
            return ToyNone.NONE;
        });
    }

    private static ToyStream self(ToyObject[] args) { return (ToyStream) args[0]; }

    /** A size argument: None or absent means no limit (-1); a huge int is as good as no limit. */
    private static long size(ToyObject o) {
        if (o == null || o == ToyNone.NONE) return -1;
        ToyInt i = o.index();
        return i.isSmall() ? i.value : Long.MAX_VALUE;
    }

    private static String text(ToyObject o) {
        if (o instanceof ToyStr s) return s.value;
        throw Errors.typeError("write() argument must be str, not " + o.type().name());
    }

    // ---- what a concrete stream provides --------------------------------------------------------

    public abstract String name();

    public abstract String mode();

    public abstract String encoding();

    public abstract boolean isClosed();

    public abstract boolean readable();

    public abstract boolean writable();

    /** Up to {@code n} characters ({@code n < 0}: to the end); "" at end of stream. */
    protected abstract String read(long n);

    /** One line with its {@code \n}, at most {@code limit} characters ({@code limit < 0}: no limit); "" at the end. */
    protected abstract String readLine(long limit);

    protected abstract void write(String text);

    protected abstract void flush();

    /** Closes the stream; closing twice is allowed, as in Python. */
    public abstract void close();

    protected boolean isInteractive() { return false; }

    // ---- the checks, with CPython's messages ----------------------------------------------------

    final ToyStream checkOpen() {
        if (isClosed()) throw IoErrors.closedFile();
        return this;
    }

    final ToyStream checkReadable() {
        checkOpen();
        if (!readable()) throw IoErrors.unsupported("not readable");
        return this;
    }

    final ToyStream checkWritable() {
        checkOpen();
        if (!writable()) throw IoErrors.unsupported("not writable");
        return this;
    }

    /** Writes {@code text} after the checks: print() and input() use this on the standard streams. */
    public final void writeText(String text) { checkWritable().write(text); }

    /** Reads one line after the checks: input() uses this. */
    public final String readLineText() { return checkReadable().readLine(-1); }

    public final void flushText() { checkOpen().flush(); }

    // ---- the Toy-visible object -----------------------------------------------------------------

    @Override public ToyType type() { return TYPE; }

    @Override
    public String repr() {
        return "<_io.TextIOWrapper name=" + Strings.repr(name()) + " mode=" + Strings.repr(mode()) + " encoding="
                + Strings.repr(encoding()) + ">";
    }

    @Override
    public ToyObject getAttr(String attr) {
        return switch (attr) {
            case "closed" -> ToyBool.of(isClosed());
            case "name" -> ToyStr.of(name());
            case "mode" -> ToyStr.of(mode());
            case "encoding" -> ToyStr.of(encoding());
            default -> super.getAttr(attr);
        };
    }

    /** Iterating a stream yields its lines. */
    @Override
    public ToyObject iter() { return checkReadable(); }

    @Override
    public ToyObject next() {
        String line = checkReadable().readLine(-1);
        return line.isEmpty() ? null : ToyStr.of(line);
    }
}
