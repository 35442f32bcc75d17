package org.toy.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toy.process.Processes;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;

/**
 * What the pools added to the codec: built-in modules' functions and types by reference to
 * their module, process-local objects as None in a fork state, and a fork state that leaves
 * out the globals it cannot send.
 */
class CodecReferencesTest {
    @Test
    void moduleFunctionsAndTypesCrossByReferenceToTheirModule() {
        CodecTest.Box a = new CodecTest.Box("/tmp/refs.toy").run(String.join("\n",
                "from time import sleep",
                "from math import pow",
                "import multiprocessing.pool",
                "from concurrent.futures import ThreadPoolExecutor",
                "worker = multiprocessing.pool.worker",
                "Pool = multiprocessing.pool.Pool"));
        CodecTest.Box b = new CodecTest.Box(null);
        String[][] refs = {{"sleep", "time", "sleep"}, {"pow", "math", "pow"}, {"worker", "multiprocessing.pool", "worker"},
                {"ThreadPoolExecutor", "concurrent.futures", "ThreadPoolExecutor"}, {"Pool", "multiprocessing.pool", "Pool"}};
        Codec.Resolver resolver = Processes.resolver(b.interp);
        for (String[] ref : refs) {
            ToyObject got = Codec.decode(Codec.encode(a.get(ref[0])), resolver);
            // the receiver's own module's object
            assertSame(resolver.module(ref[1], null).globals().get(ToyStr.of(ref[2])), got, ref[0]);
        }
        // math.pow is not builtins.pow (a name-only reference would have mixed them up)
        ToyObject pow = Codec.decode(Codec.encode(a.get("pow")), Processes.resolver(b.interp));
        assertFalse(pow == b.interp.builtins().globals().get(ToyStr.of("pow")));
    }

    @Test
    void processLocalObjectsAreNoneInAForkStateAndRefusedInAMessage() {
        CodecTest.Box a = new CodecTest.Box("/tmp/local.toy").run(String.join("\n",
                "import concurrent.futures",
                "ex = concurrent.futures.ThreadPoolExecutor(1)",
                "f = concurrent.futures.Future()",
                "n = 3"));
        ToyDict g = (ToyDict) Codec.decode(Codec.encode(a.main.globals(), Codec.Options.FORK), Processes.resolver(new CodecTest.Box(null).interp));
        assertSame(ToyNone.NONE, g.get(ToyStr.of("ex")));
        assertSame(ToyNone.NONE, g.get(ToyStr.of("f")));
        assertEquals("3", g.get(ToyStr.of("n")).repr());
        ToyError e = assertThrows(ToyError.class, () -> Codec.encode(a.get("f")));
        assertEquals("TypeError: cannot pickle 'Future' object", org.toy.vm.Traceback.lastLine(e.exception));
    }

    @Test
    void aSkippingForkStateLeavesOutWhatCannotBeSent() {
        CodecTest.Box a = new CodecTest.Box("/tmp/skip.toy").run(String.join("\n",
                "import threading",
                "lock = threading.Event()",
                "held = [1, threading.Event()]",
                "k = 7",
                "def f(x):\n    return x + k"));
        ToyDict main = a.main.globals();
        assertThrows(ToyError.class, () -> Codec.encode(main, Codec.Options.FORK));
        List<Runnable> copies = new ArrayList<>();
        Handle.CHILD_COPIES.set(copies);
        byte[] bytes;
        try {
            bytes = Codec.encode(ToyTuple.of(main, a.get("f")), Codec.Options.forkSkipping(main));
        } finally {
            Handle.CHILD_COPIES.remove();
        }
        CodecTest.Box b = new CodecTest.Box(null);
        ToyTuple t = (ToyTuple) Codec.decode(bytes, Processes.resolver(b.interp));
        ToyDict g = (ToyDict) t.get(0);
        assertTrue(g.get(ToyStr.of("lock")) == null && g.get(ToyStr.of("held")) == null);
        assertEquals("7", g.get(ToyStr.of("k")).repr());
        ToyObject r = t.get(1).call(b.interp.mainThread(), new ToyObject[] {org.toy.runtime.ToyInt.of(1)}, ToyObject.NO_KEYWORDS);
        assertEquals("8", r.repr());
    }
}
