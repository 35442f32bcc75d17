package org.toy.modules;

import org.toy.runtime.ToyModule;
import org.toy.vm.Interpreter;

/** The registry of built-in modules that {@code import} finds before looking for {@code .toy} files. */
public final class BuiltinModules {
    private BuiltinModules() {}

    /** A fresh module {@code name} for {@code interp}, or null when no built-in module has that name. */
    public static ToyModule create(String name, Interpreter interp) {
        return switch (name) {
            case "time" -> TimeModule.create();
            case "os" -> OsModule.create();
            case "os.path", "posixpath" -> PosixPathModule.create();
            case "sys" -> SysModule.create(interp);
            case "math" -> MathModule.create();
            case "random" -> new RandomModule().create();
            case "threading" -> org.toy.threads.ThreadingModule.threading(interp);
            case "queue" -> org.toy.threads.ThreadingModule.queue(interp);
            case "multiprocessing" -> org.toy.process.MultiprocessingModule.create(interp);
            case "concurrent" -> org.toy.futures.FuturesModule.concurrent(interp);
            default -> null;
        };
    }
}
