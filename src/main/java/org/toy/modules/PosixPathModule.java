package org.toy.modules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.toy.builtins.IoErrors;
import org.toy.runtime.Args;
import org.toy.runtime.Errors;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;

/**
 * {@code os.path}, which on Linux is the {@code posixpath} module. The string functions follow
 * posixpath.py line by line (they never touch the disk); the queries resolve relative paths
 * against the process's current directory.
 */
final class PosixPathModule {
    private PosixPathModule() {}

    static ToyModule create() {
        ToyModule m = new ToyModule("posixpath");
        m.define("sep", ToyStr.of("/"));
        query(m, "exists", p -> Files.exists(p));
        query(m, "isfile", p -> Files.isRegularFile(p));
        query(m, "isdir", p -> Files.isDirectory(p));
        m.function("isabs", (ts, args, kw) -> ToyBool.of(one("isabs", args, kw).startsWith("/")));
        m.function("basename", (ts, args, kw) -> ToyStr.of(basename(one("basename", args, kw))));
        m.function("dirname", (ts, args, kw) -> ToyStr.of(dirname(one("dirname", args, kw))));
        m.function("abspath", (ts, args, kw) -> ToyStr.of(abspath(one("abspath", args, kw))));
        m.function("normpath", (ts, args, kw) -> ToyStr.of(normpath(one("normpath", args, kw))));
        m.function("split", (ts, args, kw) -> {
            String p = one("split", args, kw);
            return ToyTuple.of(ToyStr.of(dirname(p)), ToyStr.of(basename(p)));
        });
        m.function("splitext", (ts, args, kw) -> {
            String[] parts = splitext(one("splitext", args, kw));
            return ToyTuple.of(ToyStr.of(parts[0]), ToyStr.of(parts[1]));
        });
        m.function("join", (ts, args, kw) -> {
            Args.noKeywords("join", kw);
            if (args.length == 0) throw Errors.typeError("join() missing 1 required positional argument: 'a'");
            String[] parts = new String[args.length];
            for (int i = 0; i < args.length; i++) parts[i] = text("join", args[i]);
            return ToyStr.of(join(parts));
        });
        m.function("getsize", (ts, args, kw) -> {
            String path = one("getsize", args, kw);
            try {
                return ToyInt.of(Files.size(resolve(path)));
            } catch (IOException e) {
                throw IoErrors.fromJava(e, path);
            }
        });
        return m;
    }

    private interface PathTest {
        boolean test(Path p);
    }

    private static void query(ToyModule m, String name, PathTest test) {
        m.function(name, (ts, args, kw) -> ToyBool.of(test.test(resolve(one(name, args, kw)))));
    }

    private static String one(String fname, ToyObject[] args, String[] kw) {
        Args.noKeywords(fname, kw);
        if (args.length == 0) throw Errors.typeError(fname + "() missing 1 required positional argument: 'path'");
        if (args.length > 1) {
            throw Errors.typeError(fname + "() takes 1 positional argument but " + args.length + " were given");
        }
        return text(fname, args[0]);
    }

    private static String text(String fname, ToyObject o) {
        if (o instanceof ToyStr s) return s.value;
        throw Errors.typeError("expected str, bytes or os.PathLike object, not " + o.type().name());
    }

    static String cwd() { return System.getProperty("user.dir"); }

    static Path resolve(String path) { return Path.of(cwd()).resolve(path); }

    static String join(String... parts) {
        StringBuilder path = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String b = parts[i];
            if (b.startsWith("/")) {
                path.setLength(0);
                path.append(b);
            } else if (path.length() == 0 || path.charAt(path.length() - 1) == '/') {
                path.append(b);
            } else {
                path.append('/').append(b);
            }
        }
        return path.toString();
    }

    static String basename(String p) { return p.substring(p.lastIndexOf('/') + 1); }

    /** The head, with trailing slashes removed unless it is all slashes. */
    static String dirname(String p) {
        String head = p.substring(0, p.lastIndexOf('/') + 1);
        if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) head = head.replaceAll("/+$", "");
        return head;
    }

    /** {@code ('a/b', '.c')}; leading dots of the file name do not start an extension. */
    static String[] splitext(String p) {
        int sep = p.lastIndexOf('/');
        int dot = p.lastIndexOf('.');
        if (dot > sep) {
            int filenameIndex = sep + 1;
            while (filenameIndex < dot) {
                if (p.charAt(filenameIndex) != '.') return new String[] {p.substring(0, dot), p.substring(dot)};
                filenameIndex++;
            }
        }
        return new String[] {p, ""};
    }

    static String normpath(String path) {
        if (path.isEmpty()) return ".";
        int initialSlashes = path.startsWith("/") ? (path.startsWith("//") && !path.startsWith("///") ? 2 : 1) : 0;
        Deque<String> comps = new ArrayDeque<>();
        for (String comp : path.split("/")) {
            if (comp.isEmpty() || comp.equals(".")) continue;
            if (!comp.equals("..") || (initialSlashes == 0 && comps.isEmpty())
                    || (!comps.isEmpty() && comps.peekLast().equals(".."))) {
                comps.addLast(comp);
            } else if (!comps.isEmpty()) {
                comps.removeLast();
            }
        }
        String result = "/".repeat(initialSlashes) + String.join("/", comps);
        return result.isEmpty() ? "." : result;
    }

    static String abspath(String p) {
        return normpath(p.startsWith("/") ? p : join(cwd(), p));
    }
}
