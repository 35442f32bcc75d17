package org.toy.builtins;

import org.toy.runtime.Args;
import org.toy.runtime.Errors;
import org.toy.runtime.Ops;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;

/** The built-ins that turn values into text and back: {@code repr ascii format chr ord}. */
final class TextBuiltins {
    private TextBuiltins() {}

    static void install(ToyModule builtins) {
        builtins.function("repr", (ts, args, kw) -> {
            Args.one("repr", args, kw, 0);
            return ToyStr.of(Ops.repr(args[0]));
        });
        builtins.function("ascii", (ts, args, kw) -> {
            Args.one("ascii", args, kw, 0);
            return ToyStr.of(ascii(Ops.repr(args[0])));
        });
        builtins.function("format", (ts, args, kw) -> {
            int n = Signature.positional("format", args, kw, 1, 2);
            String spec = "";
            if (n == 2) {
                if (!(args[1] instanceof ToyStr s)) {
                    throw Errors.typeError("format() argument 2 must be str, not " + args[1].type().name());
                }
                spec = s.value;
            }
            return ToyStr.of(args[0].format(spec));
        });
        builtins.function("chr", (ts, args, kw) -> {
            Args.one("chr", args, kw, 0);
            return ToyStr.of(chr(args[0].index()));
        });
        builtins.function("ord", (ts, args, kw) -> {
            Args.one("ord", args, kw, 0);
            return ToyInt.of(ord(args[0]));
        });
    }

    /** repr's text with every non-ASCII code point escaped as {@code \xNN}, {@code \}{@code uNNNN} or {@code \UNNNNNNNN}. */
    static String ascii(String repr) {
        StringBuilder b = new StringBuilder(repr.length());
        repr.codePoints().forEach(cp -> {
            if (cp < 0x80) b.append((char) cp);
            else if (cp < 0x100) b.append(String.format("\\x%02x", cp));
            else if (cp < 0x10000) b.append(String.format("\\u%04x", cp));
            else b.append(String.format("\\U%08x", cp));
        });
        return b.toString();
    }

    static String chr(ToyInt i) {
        if (!i.fitsInt()) throw Errors.overflow("Python int too large to convert to C int");
        int cp = (int) i.value;
        if (cp < 0 || cp > 0x10FFFF) throw Errors.valueError("chr() arg not in range(0x110000)");
        return new String(Character.toChars(cp));
    }

    /** The code point of a one-character string; a surrogate pair counts as the one character it encodes. */
    static int ord(ToyObject o) {
        if (!(o instanceof ToyStr s)) {
            throw Errors.typeError("ord() expected string of length 1, but " + o.type().name() + " found");
        }
        if (s.value.isEmpty() || s.value.codePointCount(0, s.value.length()) != 1) {
            throw Errors.typeError("ord() expected a character, but string of length " + s.value.length() + " found");
        }
        return s.value.codePointAt(0);
    }
}
