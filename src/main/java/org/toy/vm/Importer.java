package org.toy.vm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.toy.bytecode.Code;
import org.toy.modules.BuiltinModules;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.source.Source;

/**
 * {@code import}: the module cache ({@code sys.modules}) first, then the built-in modules, then a
 * {@code NAME.toy} file beside the importing script. A module is registered before its code
 * runs, so circular imports see the partly initialised module, as in Python.
 */
final class Importer {
    private Importer() {}

    /** IMPORT_NAME: the top package for {@code import a.b}, the leaf when there is a from-list. */
    static ToyObject importName(ThreadState ts, Frame f, String dotted, ToyObject fromList) {
        String[] parts = dotted.split("\\.");
        ToyModule top = load(ts, f, parts[0]);
        ToyModule m = top;
        for (int i = 1; i < parts.length; i++) {
            ToyObject sub = m.globals().get(ToyStr.of(parts[i]));
            if (!(sub instanceof ToyModule subModule)) {
                throw notFound(String.join(".", java.util.Arrays.copyOf(parts, i + 1)));
            }
            m = subModule;
        }
        return fromList == ToyNone.NONE ? top : m;
    }

    /** IMPORT_FROM: {@code from m import name}. */
    static ToyObject importFrom(ToyModule m, String name) {
        ToyObject v = m.globals().get(ToyStr.of(name));
        if (v != null) return v;
        ToyObject file = m.globals().get(ToyStr.of("__file__"));
        throw Errors.of(ExceptionTypes.IMPORT_ERROR, "cannot import name '" + name + "' from '" + m.name() + "' ("
                + (file == null ? "unknown location" : file.str()) + ")");
    }

    private static ToyError notFound(String name) {
        return Errors.of(ExceptionTypes.MODULE_NOT_FOUND_ERROR, "No module named '" + name + "'");
    }

    private static ToyModule load(ThreadState ts, Frame f, String name) {
        Interpreter interp = ts.interp();
        ToyModule cached = interp.modules().get(name);
        if (cached != null) return cached;
        ToyModule builtin = BuiltinModules.create(name, interp);
        if (builtin != null) {
            interp.modules().put(name, builtin);
            return builtin;
        }
        Path dir = Path.of(f.code.source.name()).toAbsolutePath().getParent();
        Path file = dir == null ? null : dir.resolve(name + ".toy");
        if (file == null || !Files.isRegularFile(file)) throw notFound(name);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Errors.of(ExceptionTypes.IMPORT_ERROR, "cannot read " + file + ": " + e.getMessage());
        }
        Source source = new Source(file.toString(), text);
        Code code = interp.compile(source, false);
        ToyModule m = interp.newModule(name, file.toString());
        try {
            interp.exec(ts, code, m.globals());
        } catch (ToyError e) {
            interp.modules().remove(name);
            throw e;
        }
        return m;
    }
}
