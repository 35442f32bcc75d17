package org.toy.modules;

import java.util.Map;
import org.toy.builtins.Arith;
import org.toy.builtins.Signature;
import org.toy.builtins.StandardStreams;
import org.toy.runtime.Args;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyFloat;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.vm.Interpreter;

/**
 * The {@code sys} module of one interpreter: its argv, streams and settings. The settings live in
 * the {@link Interpreter} (the VM reads them); these functions only check and forward them.
 */
public final class SysModule {
    private SysModule() {}

    public static final String VERSION = "3.11.7 (Toy 0.1.0)";

    static ToyModule create(Interpreter interp) {
        ToyModule m = new ToyModule("sys");
        ToyList argv = new ToyList();
        for (String a : interp.argv()) argv.append(ToyStr.of(a));
        m.define("argv", argv);
        StandardStreams streams = StandardStreams.of(interp);
        m.define("stdin", streams.stdin).define("stdout", streams.stdout).define("stderr", streams.stderr);
        m.define("__stdin__", streams.stdin).define("__stdout__", streams.stdout).define("__stderr__", streams.stderr);
        m.define("maxsize", ToyInt.of(Long.MAX_VALUE));
        m.define("maxunicode", ToyInt.of(0x10FFFF));
        m.define("version", ToyStr.of(VERSION));
        m.define("version_info", ToyTuple.of(ToyInt.of(3), ToyInt.of(11), ToyInt.of(7), ToyStr.of("final"), ToyInt.of(0)));
        m.define("hexversion", ToyInt.of(0x030B07F0));
        m.define("platform", ToyStr.of("linux"));
        m.define("byteorder", ToyStr.of("little"));
        m.define("executable", ToyStr.of(ProcessHandle.current().info().command().orElse("")));
        m.define("path", path(interp));
        m.define("modules", modules(interp));
        m.define("gil", new org.toy.gil.GilInfo(interp.gil()));
        m.function("exit", (ts, args, kw) -> {
            int n = Signature.positional("exit", args, kw, 0, 1);
            throw exit(n == 0 ? ToyNone.NONE : args[0]);
        });
        m.function("getrecursionlimit", (ts, args, kw) -> {
            Args.none("sys.getrecursionlimit", args, kw, 0);
            return ToyInt.of(ts.interp().recursionLimit());
        });
        m.function("setrecursionlimit", (ts, args, kw) -> {
            Args.one("sys.setrecursionlimit", args, kw, 0);
            ToyInt limit = args[0].index();
            if (limit.isSmall() && limit.value < 1) throw Errors.valueError("recursion limit must be greater or equal than 1");
            if (!limit.fitsInt()) throw Errors.overflow("Python int too large to convert to C int");
            ts.interp().setRecursionLimit((int) limit.value);
            return ToyNone.NONE;
        });
        m.function("getswitchinterval", (ts, args, kw) -> {
            Args.none("sys.getswitchinterval", args, kw, 0);
            return ToyFloat.of(ts.interp().switchInterval());
        });
        m.function("setswitchinterval", (ts, args, kw) -> {
            Args.one("sys.setswitchinterval", args, kw, 0);
            double seconds = Arith.toDouble(args[0]);
            if (!(seconds > 0)) throw Errors.valueError("switch interval must be strictly positive");
            ts.interp().setSwitchInterval(seconds);
            return ToyNone.NONE;
        });
        m.function("getdefaultencoding", (ts, args, kw) -> {
            Args.none("sys.getdefaultencoding", args, kw, 0);
            return ToyStr.of("utf-8");
        });
        return m;
    }

    /** {@code SystemExit(code)}; None means no argument, as CPython's sys.exit(). */
    static ToyError exit(ToyObject code) {
        ToyTuple args = code == ToyNone.NONE ? ToyTuple.EMPTY : ToyTuple.of(code);
        return new ToyError(new ToyException(ExceptionTypes.SYSTEM_EXIT, args));
    }

    /** The script's directory first, as CPython puts it; '' when there is no script (REPL, -c). */
    private static ToyList path(Interpreter interp) {
        ToyList path = new ToyList();
        String script = interp.argv().isEmpty() ? "" : interp.argv().get(0);
        boolean isFile = !script.isEmpty() && !script.equals("-c") && !script.equals("-");
        path.append(ToyStr.of(isFile ? PosixPathModule.dirname(PosixPathModule.abspath(script)) : ""));
        return path;
    }

    /**
     * {@code sys.modules} as a snapshot of the interpreter's modules when sys is created. ToyModule
     * attributes are plain dict entries, so a live view would need a hook in the runtime; the import
     * system should call {@link #recordModule} after each import to keep the dict current.
     */
    private static ToyDict modules(Interpreter interp) {
        ToyDict d = new ToyDict();
        for (Map.Entry<String, ToyModule> e : interp.modules().entrySet()) d.put(ToyStr.of(e.getKey()), e.getValue());
        return d;
    }

    /** Adds {@code module} to {@code sys.modules} of the given sys module. */
    public static void recordModule(ToyModule sys, String name, ToyModule module) {
        ((ToyDict) sys.getAttr("modules")).put(ToyStr.of(name), module);
    }
}
