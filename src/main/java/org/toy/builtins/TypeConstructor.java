package org.toy.builtins;

import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/**
 * Makes {@code type} callable with one argument, {@code type(x)}, so that the builtins' {@code type}
 * stays the type object itself ({@code isinstance(int, type)} holds). Three-argument class creation
 * belongs to the VM's class support and is refused here until it lands.
 */
final class TypeConstructor {
    private TypeConstructor() {}

    private static boolean installed;

    /**
     * Installs the constructor unless the runtime already gave {@code type} one. ToyType has no getter
     * for its constructor, so ask it: a type without one refuses with "cannot create 'type' instances"
     * before it looks at the (null) thread state.
     */
    static synchronized void install() {
        if (installed) return;
        installed = true;
        try {
            ToyType.TYPE.call(null, ToyObject.NO_ARGS, ToyObject.NO_KEYWORDS);
        } catch (ToyError e) {
            boolean none = e.exception.isInstance(ExceptionTypes.TYPE_ERROR) && e.exception.str().startsWith("cannot create");
            if (!none) return;
        } catch (RuntimeException e) {
            return; // a constructor exists and failed on the null thread state: leave it
        }
        ToyType.TYPE.setConstructor(TypeConstructor::construct);
    }

    static ToyObject construct(ThreadState ts, ToyType type, ToyObject[] args, String[] kwNames) {
        int n = args.length - kwNames.length;
        if (n == 1 && kwNames.length == 0) return args[0].type();
        if (n == 3) throw Errors.typeError("type() with 3 arguments (class creation) is not supported yet");
        throw Errors.typeError("type() takes 1 or 3 arguments");
    }
}
