package org.toy.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.toy.builtins.ToyTesting.assertRaises;
import static org.toy.builtins.ToyTesting.f;
import static org.toy.builtins.ToyTesting.i;
import static org.toy.builtins.ToyTesting.s;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toy.builtins.ToyTesting;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyFloat;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyObject;

/** What the oracle table cannot compare: clocks, the process, the interpreter's settings and streams. */
class ModulesTest {
    private final ToyTesting t = new ToyTesting("typed\n");

    private ToyModule module(String name) { return BuiltinModules.create(name, t.interp); }

    private ToyObject call(ToyModule m, String name, Object... args) { return t.callObject(m.getAttr(name), args); }

    private static double seconds(ToyObject o) { return ((ToyFloat) o).value; }

    @Test
    void unknownModulesAreNull() {
        assertNull(BuiltinModules.create("nope", t.interp));
        assertEquals("<module 'math' (built-in)>", module("math").repr());
    }

    @Test
    void sleepWaitsAndTheClocksAdvance() {
        ToyModule time = module("time");
        double wall = seconds(call(time, "time"));
        double start = seconds(call(time, "perf_counter"));
        long startNs = ((ToyInt) call(time, "monotonic_ns")).value;
        call(time, "sleep", f(0.05));
        double elapsed = seconds(call(time, "perf_counter")) - start;
        assertTrue(elapsed >= 0.045 && elapsed < 2, "slept " + elapsed);
        assertTrue(((ToyInt) call(time, "monotonic_ns")).value - startNs >= 45_000_000L);
        assertTrue(Math.abs(wall - System.currentTimeMillis() / 1000.0) < 5);
        assertTrue(Math.abs(((ToyInt) call(time, "time_ns")).value / 1e9 - wall) < 5);
    }

    @Test
    void cpuClocksCountWorkNotSleep() {
        ToyModule time = module("time");
        double thread0 = seconds(call(time, "thread_time")), process0 = seconds(call(time, "process_time"));
        long x = 0;
        for (long k = 0; k < 50_000_000L; k++) x += k ^ (x >>> 3);
        assertTrue(x != 1);
        assertTrue(seconds(call(time, "thread_time")) > thread0);
        assertTrue(seconds(call(time, "process_time")) > process0);
        double beforeSleep = seconds(call(time, "thread_time"));
        call(time, "sleep", f(0.05));
        assertTrue(seconds(call(time, "thread_time")) - beforeSleep < 0.04);
    }

    @Test
    void osKnowsTheProcess() {
        ToyModule os = module("os");
        assertEquals(ProcessHandle.current().pid(), ((ToyInt) call(os, "getpid")).value);
        assertTrue(((ToyInt) call(os, "getppid")).value > 0);
        assertEquals(Runtime.getRuntime().availableProcessors(), ((ToyInt) call(os, "cpu_count")).value);
        assertEquals(System.getProperty("user.dir"), call(os, "getcwd").str());
        ToyDict environ = (ToyDict) os.getAttr("environ");
        assertEquals(System.getenv("PATH"), environ.get(s("PATH")).str());
        assertEquals(System.getenv("PATH"), call(os, "getenv", s("PATH")).str());
    }

    @Test
    void osListsAndRemovesFiles(@TempDir Path dir) throws Exception {
        ToyModule os = module("os");
        Files.writeString(dir.resolve("a.txt"), "x");
        assertEquals("['a.txt']", call(os, "listdir", s(dir.toString())).repr());
        ToyModule path = (ToyModule) os.getAttr("path");
        String file = dir.resolve("a.txt").toString();
        assertEquals("True", call(path, "isfile", s(file)).repr());
        assertEquals("1", call(path, "getsize", s(file)).repr());
        call(os, "remove", s(file));
        assertEquals("False", call(path, "exists", s(file)).repr());
        assertRaises("FileNotFoundError: [Errno 2] No such file or directory: '" + file + "'", () -> call(os, "remove", s(file)));
        assertRaises("IsADirectoryError: [Errno 21] Is a directory: '" + dir + "'", () -> call(os, "remove", s(dir.toString())));
        assertRaises("NotADirectoryError: [Errno 20] Not a directory: '/etc/hostname'", () -> call(os, "listdir", s("/etc/hostname")));
        call(os, "mkdir", s(dir.resolve("sub").toString()));
        assertEquals("True", call(path, "isdir", s(dir.resolve("sub").toString())).repr());
    }

    @Test
    void sysReflectsAndChangesTheInterpreter() {
        t.interp.argv().add("script.toy");
        t.interp.argv().add("arg");
        ToyModule sys = module("sys");
        assertEquals("['script.toy', 'arg']", sys.getAttr("argv").repr());
        assertEquals("'" + System.getProperty("user.dir") + "'", ((ToyList) sys.getAttr("path")).items[0].repr());
        call(sys, "setrecursionlimit", i(50));
        assertEquals(50, t.interp.recursionLimit());
        assertEquals("50", call(sys, "getrecursionlimit").repr());
        call(sys, "setswitchinterval", f(0.001));
        assertEquals(0.001, t.interp.switchInterval());
        assertRaises("SystemExit: 4", () -> call(sys, "exit", i(4)));
    }

    @Test
    void sysModulesListsTheImportedModules() {
        ToyModule math = module("math");
        t.interp.modules().put("math", math);
        ToyModule sys = module("sys");
        assertSame(math, ((ToyDict) sys.getAttr("modules")).get(s("math")));
        ToyModule os = module("os");
        SysModule.recordModule(sys, "os", os);
        assertSame(os, ((ToyDict) sys.getAttr("modules")).get(s("os")));
    }

    @Test
    void sysStreamsWriteToTheInterpreterStreams() {
        ToyModule sys = module("sys");
        assertEquals("3", t.callObject(sys.getAttr("stdout").getAttr("write"), s("out")).repr());
        t.callObject(sys.getAttr("stderr").getAttr("write"), s("err"));
        t.callObject(sys.getAttr("stdout").getAttr("flush"));
        assertEquals("out", t.stdout());
        assertEquals("err", t.stderr());
        assertEquals("'typed\\n'", t.callObject(sys.getAttr("stdin").getAttr("readline")).repr());
        assertEquals("''", t.callObject(sys.getAttr("stdin").getAttr("readline")).repr());
        assertSame(sys.getAttr("stdout"), module("sys").getAttr("stdout"));
    }

    @Test
    void randomIsPerInterpreterAndRepeatableBySeed() {
        ToyModule a = module("random");
        ToyModule b = BuiltinModules.create("random", new ToyTesting().interp); // another interpreter
        call(a, "seed", i(1));
        t.callObject(b.getAttr("seed"), i(1));
        ToyObject first = call(a, "random");
        call(a, "random"); // a moves on; b must not
        assertEquals(first.repr(), t.callObject(b.getAttr("random")).repr());
        ToyList l = ToyTesting.list(i(1), i(2), i(3), i(4));
        call(a, "shuffle", l);
        assertEquals(4, l.size);
    }
}
