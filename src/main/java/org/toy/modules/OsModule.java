package org.toy.modules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.toy.builtins.IoErrors;
import org.toy.builtins.Signature;
import org.toy.runtime.Args;
import org.toy.runtime.Errors;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;

/** The {@code os} module: the process's identity, environment and files; {@code os.path} is posixpath. */
final class OsModule {
    private OsModule() {}

    private static final PySignature GETENV = new PySignature("getenv", 0, 1, "key", "default");

    static ToyModule create() {
        ToyModule m = new ToyModule("os");
        m.define("name", ToyStr.of("posix"));
        m.define("sep", ToyStr.of("/"));
        m.define("altsep", ToyNone.NONE);
        m.define("linesep", ToyStr.of("\n"));
        m.define("pathsep", ToyStr.of(":"));
        m.define("curdir", ToyStr.of("."));
        m.define("pardir", ToyStr.of(".."));
        m.define("extsep", ToyStr.of("."));
        m.define("path", PosixPathModule.create());
        m.define("environ", environ());
        m.function("getpid", (ts, args, kw) -> {
            Args.none("posix.getpid", args, kw, 0);
            return ToyInt.of(ProcessHandle.current().pid());
        });
        m.function("getppid", (ts, args, kw) -> {
            Args.none("posix.getppid", args, kw, 0);
            // A process whose parent has exited is re-parented; 1 (init) is what Linux reports then.
            return ToyInt.of(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L));
        });
        m.function("_exit", (ts, args, kw) -> {
            Args.one("posix._exit", args, kw, 0);
            // CPython's os._exit: no cleanup, no flushing of buffered output, no atexit
            Runtime.getRuntime().halt((int) Args.toLong(args[0]));
            return ToyNone.NONE;
        });
        m.function("kill", (ts, args, kw) -> {
            Signature.positional("kill", args, kw, 2, 2);
            kill(Args.toLong(args[0]), Args.toInt(args[1]));
            return ToyNone.NONE;
        });
        m.function("cpu_count", (ts, args, kw) -> {
            Args.none("posix.cpu_count", args, kw, 0);
            return ToyInt.of(Runtime.getRuntime().availableProcessors());
        });
        m.function("getcwd", (ts, args, kw) -> {
            Args.none("posix.getcwd", args, kw, 0);
            return ToyStr.of(PosixPathModule.cwd());
        });
        m.function("getenv", (ts, args, kw) -> {
            ToyObject[] a = GETENV.bind(args, kw);
            String key = str("getenv", a[0]);
            String value = System.getenv(key);
            return value != null ? ToyStr.of(value) : a[1] == null ? ToyNone.NONE : a[1];
        });
        m.function("listdir", (ts, args, kw) -> {
            ToyObject[] a = Signature.of("listdir", 0, "path").bind(args, kw, 0);
            String path = a[0] == null || a[0] == ToyNone.NONE ? "." : str("listdir", a[0]);
            return listdir(path);
        });
        m.function("remove", (ts, args, kw) -> {
            ToyObject[] a = Signature.of("remove", 1, "path").bind(args, kw, 0);
            remove(str("remove", a[0]));
            return ToyNone.NONE;
        });
        m.function("mkdir", (ts, args, kw) -> {
            ToyObject[] a = Signature.of("mkdir", 1, "path", "mode").bind(args, kw, 0);
            String path = str("mkdir", a[0]);
            try {
                Files.createDirectory(PosixPathModule.resolve(path));
            } catch (IOException e) {
                throw IoErrors.fromJava(e, path);
            }
            return ToyNone.NONE;
        });
        return m;
    }

    /** A snapshot of the environment as a dict, taken when the module is created. */
    private static ToyDict environ() {
        ToyDict d = new ToyDict();
        for (Map.Entry<String, String> e : System.getenv().entrySet()) {
            d.put(ToyStr.of(e.getKey()), ToyStr.of(e.getValue()));
        }
        return d;
    }

    static String str(String fname, ToyObject o) {
        if (o instanceof ToyStr s) return s.value;
        throw Errors.typeError(fname + ": path should be string, bytes or os.PathLike, not " + o.type().name());
    }

    private static ToyList listdir(String path) {
        Path dir = PosixPathModule.resolve(path);
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw IoErrors.osError(IoErrors.ENOTDIR, path);
        try (Stream<Path> entries = Files.list(dir)) {
            ToyList names = new ToyList();
            entries.forEach(p -> names.append(ToyStr.of(p.getFileName().toString())));
            return names;
        } catch (IOException e) {
            throw IoErrors.fromJava(e, path);
        }
    }

    private static void remove(String path) {
        Path p = PosixPathModule.resolve(path);
        if (Files.isDirectory(p)) throw IoErrors.osError(IoErrors.EISDIR, path);
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw IoErrors.fromJava(e, path);
        }
    }

    /** {@code os.kill(pid, sig)}: 0 checks that the process exists; others are sent with kill(1). */
    private static void kill(long pid, int sig) {
        var handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            throw Errors.of(org.toy.runtime.ExceptionTypes.PROCESS_LOOKUP_ERROR, "[Errno 3] No such process");
        }
        if (sig == 0) return;
        if (sig == 9 || sig == 15) {
            boolean sent = sig == 9 ? handle.get().destroyForcibly() : handle.get().destroy();
            if (!sent) throw Errors.of(org.toy.runtime.ExceptionTypes.PERMISSION_ERROR, "[Errno 1] Operation not permitted");
            return;
        }
        try {
            Process p = new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).redirectErrorStream(true).start();
            if (p.waitFor() != 0) throw Errors.of(org.toy.runtime.ExceptionTypes.OS_ERROR, "[Errno 22] Invalid argument");
        } catch (IOException e) {
            throw Errors.of(org.toy.runtime.ExceptionTypes.OS_ERROR, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
