package org.toy.builtins;

import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/** {@code exit} and {@code quit}: objects whose repr is a hint and whose call raises {@code SystemExit(code)}. */
final class Quitter extends ToyObject {
    static final ToyType TYPE = new ToyType("Quitter", ToyType.OBJECT);

    private final String name;

    Quitter(String name) { this.name = name; }

    @Override public ToyType type() { return TYPE; }

    @Override public String repr() { return "Use " + name + "() or Ctrl-D (i.e. EOF) to exit"; }

    @Override
    public ToyObject call(ThreadState ts, ToyObject[] args, String[] kwNames) {
        Signature signature = Signature.of("Quitter.__call__", 0, "code");
        if (args.length > 1 && kwNames.length == 0) {
            throw Errors.typeError("Quitter.__call__() takes from 1 to 2 positional arguments but " + (args.length + 1)
                    + " were given");
        }
        ToyObject[] a = signature.bind(args, kwNames, 0);
        ToyObject code = a[0] == null ? ToyNone.NONE : a[0];
        throw new ToyError(new ToyException(ExceptionTypes.SYSTEM_EXIT, ToyTuple.of(code)));
    }
}
