package org.toy.builtins;

import org.toy.runtime.Args;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.vm.Interpreter;
import org.toy.vm.ThreadState;

/** {@code print} and {@code input}: the console through {@code sys.stdout} and {@code sys.stdin}. */
final class ConsoleBuiltins {
    private ConsoleBuiltins() {}

    static void install(ToyModule builtins) {
        builtins.function("print", ConsoleBuiltins::print);
        builtins.function("input", ConsoleBuiltins::input);
    }

    /** {@code print(*objects, sep=' ', end='\n', file=None, flush=False)}. */
    static ToyObject print(ThreadState ts, ToyObject[] args, String[] kw) {
        Args.onlyKeywords("print", kw, "sep", "end", "file", "flush");
        String sep = textOption(Args.keyword(args, kw, "sep", ToyNone.NONE), "sep", " ");
        String end = textOption(Args.keyword(args, kw, "end", ToyNone.NONE), "end", "\n");
        ToyObject file = Args.keyword(args, kw, "file", ToyNone.NONE);
        if (file == ToyNone.NONE) {
            file = StandardStreams.currentStdout(ts.interp());
            if (file == ToyNone.NONE) return ToyNone.NONE; // sys.stdout = None silences print, as in CPython
        }
        int n = Args.positional(args, kw, 0);
        for (int i = 0; i < n; i++) {
            if (i > 0) write(ts, file, sep);
            write(ts, file, args[i].str());
        }
        write(ts, file, end);
        if (Args.keyword(args, kw, "flush", ToyNone.NONE).isTrue()) flush(ts, file);
        return ToyNone.NONE;
    }

    private static String textOption(ToyObject value, String name, String dflt) {
        if (value == ToyNone.NONE) return dflt;
        if (value instanceof ToyStr s) return s.value;
        throw Errors.typeError(name + " must be None or a string, not " + value.type().name());
    }

    /** Writes to a stream directly, or through any object's {@code write} method. */
    private static void write(ThreadState ts, ToyObject file, String text) {
        if (file instanceof ToyStream s) s.writeText(text);
        else ts.call(file.getAttr("write"), ToyStr.of(text));
    }

    private static void flush(ThreadState ts, ToyObject file) {
        if (file instanceof ToyStream s) s.flushText();
        else ts.call(file.getAttr("flush"));
    }

    /** {@code input([prompt])}: the prompt is flushed first; EOF raises EOFError. */
    static ToyObject input(ThreadState ts, ToyObject[] args, String[] kw) {
        int n = Signature.positional("input", args, kw, 0, 1);
        Interpreter interp = ts.interp();
        ToyObject stdout = StandardStreams.currentStdout(interp);
        if (n == 1 && stdout != ToyNone.NONE) {
            write(ts, stdout, args[0].str());
        }
        if (stdout != ToyNone.NONE) flush(ts, stdout);
        ToyObject stdin = StandardStreams.currentStdin(interp);
        // The GIL is released while waiting for the line (ConsoleStream's reads do it).
        String line = stdin instanceof ToyStream s ? s.readLineText() : ts.call(stdin.getAttr("readline")).str();
        if (line.isEmpty()) throw Errors.of(ExceptionTypes.EOF_ERROR, "EOF when reading a line");
        if (line.endsWith("\n")) line = line.substring(0, line.length() - 1);
        return ToyStr.of(line);
    }
}
