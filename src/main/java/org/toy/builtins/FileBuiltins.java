package org.toy.builtins;

import org.toy.runtime.Errors;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.vm.ThreadState;

/** {@code open()}: text files only, until the runtime has a bytes type for the binary modes. */
final class FileBuiltins {
    private FileBuiltins() {}

    private static final Signature OPEN = Signature.of("open", 1,
            "file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener");

    static void install(ToyModule builtins) {
        builtins.function("open", FileBuiltins::open);
    }

    static ToyObject open(ThreadState ts, ToyObject[] args, String[] kw) {
        ToyObject[] a = OPEN.bind(args, kw, 0);
        if (!(a[0] instanceof ToyStr path)) {
            throw Errors.typeError("expected str, bytes or os.PathLike object, not " + a[0].type().name());
        }
        String modeText = "r";
        if (a[1] != null) {
            if (!(a[1] instanceof ToyStr m)) {
                throw Errors.typeError("open() argument 'mode' must be str, not " + a[1].type().name());
            }
            modeText = m.value;
        }
        String encoding = null;
        if (a[3] != null && a[3] != ToyNone.NONE) {
            if (!(a[3] instanceof ToyStr e)) {
                throw Errors.typeError("open() argument 'encoding' must be str or None, not " + a[3].type().name());
            }
            encoding = e.value;
        }
        FileMode mode = FileMode.parse(modeText);
        if (mode.binary()) {
            if (encoding != null) throw Errors.valueError("binary mode doesn't take an encoding argument");
            // TODO(runtime bytes): binary files need the bytes type, which the runtime does not have yet.
            throw Errors.valueError("binary mode " + ToyStr.of(modeText).repr() + " is not supported yet");
        }
        return ToyFile.open(path.value, mode, encoding);
    }
}
