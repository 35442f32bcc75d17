package org.toy.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.toy.builtins.ToyTesting.assertRaises;
import static org.toy.builtins.ToyTesting.drain;
import static org.toy.builtins.ToyTesting.i;
import static org.toy.builtins.ToyTesting.kw;
import static org.toy.builtins.ToyTesting.s;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;

/** open() and the file object's methods, on real files in a temporary directory. */
class FileBuiltinsTest {
    private final ToyTesting t = new ToyTesting();

    @TempDir
    Path dir;

    private ToyObject open(String name, String mode) { return t.call("open", s(dir.resolve(name).toString()), s(mode)); }

    private ToyObject method(ToyObject file, String name, ToyObject... args) {
        return t.callObject(file.getAttr(name), (Object[]) args);
    }

    @Test
    void writeThenReadBack() throws Exception {
        ToyObject w = open("a.txt", "w");
        assertEquals("6", method(w, "write", s("hello\n")).repr());
        method(w, "writelines", ToyTesting.tuple(s("é\r\n"), s("last")));
        method(w, "close");
        assertEquals("True", w.getAttr("closed").repr());
        assertEquals("hello\né\r\nlast", Files.readString(dir.resolve("a.txt"), StandardCharsets.UTF_8));

        ToyObject r = open("a.txt", "r");
        assertEquals("'hel'", method(r, "read", i(3)).repr());
        assertEquals("'lo\\n'", method(r, "readline").repr());
        assertEquals("'é\\nlast'", method(r, "read").repr()); // \r\n read as \n: universal newlines
        assertEquals("''", method(r, "read").repr());
        method(r, "close");
    }

    @Test
    void readlinesAndIterationYieldLines() {
        ToyObject w = open("b.txt", "w");
        method(w, "write", s("one\ntwo\nthree"));
        method(w, "close");
        assertEquals("['one\\n', 'two\\n', 'three']", method(open("b.txt", "r"), "readlines").repr());
        ToyObject r = open("b.txt", "r");
        assertSame(r, r.iter());
        assertEquals("['one\\n', 'two\\n', 'three']", drain(r));
        assertEquals("'on'", method(open("b.txt", "r"), "readline", i(2)).repr());
    }

    @Test
    void appendAndExclusiveCreation() throws Exception {
        method(open("c.txt", "w"), "write", s("a"));
        ToyObject a = open("c.txt", "a");
        method(a, "write", s("b"));
        method(a, "close");
        assertEquals("ab", Files.readString(dir.resolve("c.txt")));
        String path = dir.resolve("c.txt").toString();
        assertRaises("FileExistsError: [Errno 17] File exists: '" + path + "'", () -> open("c.txt", "x"));
        method(open("d.txt", "x"), "write", s("new"));
        assertEquals("new", Files.readString(dir.resolve("d.txt")));
    }

    @Test
    void readPlusWritesWhereTheReadStopped() throws Exception {
        Files.writeString(dir.resolve("e.txt"), "héllo world");
        ToyObject f = open("e.txt", "r+");
        assertEquals("'héllo'", method(f, "read", i(5)).repr());
        method(f, "write", s("!"));
        method(f, "close");
        assertEquals("héllo!world", Files.readString(dir.resolve("e.txt")));
    }

    @Test
    void errorsUseCPythonsMessages() throws Exception {
        ToyObject w = open("f.txt", "w");
        assertRaises("io.UnsupportedOperation: not readable", () -> method(w, "read"));
        assertRaises("TypeError: write() argument must be str, not int", () -> method(w, "write", i(1)));
        method(w, "close");
        method(w, "close"); // closing twice is fine
        assertRaises("ValueError: I/O operation on closed file.", () -> method(w, "write", s("x")));
        ToyObject r = open("f.txt", "r");
        assertRaises("io.UnsupportedOperation: not writable", () -> method(r, "write", s("x")));
        assertRaises("ValueError: I/O operation on closed file.", () -> {
            method(r, "close");
            method(r, "read");
        });
        assertRaises("LookupError: unknown encoding: nope",
                () -> t.call("open", s(dir.resolve("f.txt").toString()), s("r"), kw("encoding", s("nope"))));
        assertRaises("TypeError: expected str, bytes or os.PathLike object, not int", () -> t.call("open", i(3)));
    }

    @Test
    void enterReturnsTheFileAndExitClosesIt() {
        ToyObject f = open("g.txt", "w");
        assertSame(f, method(f, "__enter__"));
        assertEquals("None", method(f, "__exit__", ToyNone.NONE, ToyNone.NONE, ToyNone.NONE).repr());
        assertEquals("True", f.getAttr("closed").repr());
        assertRaises("ValueError: I/O operation on closed file.", () -> method(f, "__enter__"));
    }

    @Test
    void attributesAndRepr() {
        String path = dir.resolve("h.txt").toString();
        ToyObject f = t.call("open", s(path), s("w"), kw("encoding", s("utf-8")));
        assertEquals("'" + path + "'", f.getAttr("name").repr());
        assertEquals("'w'", f.getAttr("mode").repr());
        assertEquals("<_io.TextIOWrapper name='" + path + "' mode='w' encoding='utf-8'>", f.repr());
        assertEquals("False", f.getAttr("closed").repr());
    }

    @Test
    void relativePathsResolveAgainstTheCurrentDirectory() throws Exception {
        String old = System.getProperty("user.dir");
        System.setProperty("user.dir", dir.toString());
        try {
            method(t.call("open", s("rel.txt"), s("w")), "write", s("r"));
        } finally {
            System.setProperty("user.dir", old);
        }
        assertEquals("r", Files.readString(dir.resolve("rel.txt")));
    }
}
