package org.toy.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.source.Source;
import org.toy.vm.Interpreter;

class CodecTest {
    /** A fresh interpreter with captured stdout. */
    static final class Box {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final Interpreter interp = new Interpreter(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new BufferedReader(new StringReader("")));
        final ToyModule main;

        Box(String file) {
            main = interp.newModule("__main__", file);
        }

        Box run(String src) {
            interp.exec(interp.mainThread(), interp.compile(new Source(main.globals().get(ToyStr.of("__file__")) == null
                    ? "<string>" : main.globals().get(ToyStr.of("__file__")).str(), src), false), main.globals());
            return this;
        }

        ToyObject get(String name) { return main.globals().get(ToyStr.of(name)); }

        String output() { return out.toString(StandardCharsets.UTF_8); }

        Codec.Resolver resolver() {
            return (name, file) -> name.equals("builtins") ? interp.builtins() : interp.modules().get(name);
        }
    }

    /** A fresh interpreter whose __main__ is {@code parent}'s, sent as the fork state; runs {@code code} there. */
    private static Box forkChildOf(Box parent, String code) {
        byte[] bytes = Codec.encode(parent.main.globals(), Codec.Options.FORK);
        Box b = new Box(null);
        ToyDict g = (ToyDict) Codec.decode(bytes, b.resolver());
        b.interp.modules().put("__main__", new ToyModule("__main__", g));
        b.interp.exec(b.interp.mainThread(), b.interp.compile(new Source("<t>", code), false), g);
        return b;
    }

    private static ToyObject roundTrip(Box b, ToyObject v) {
        return Codec.decode(Codec.encode(v), b.resolver());
    }

    @Test
    void valuesRoundTrip() {
        Box a = new Box(null).run(String.join("\n",
                "v = [None, True, False, 0, -1, 2**63, -(2**200), 1.5, -0.0, float('inf'), 'héllo\\n', b'\\x00\\xff',",
                "     (1, 'a'), (), {'k': [1, 2], 3: None}, {1, 2, 3}, frozenset({4}), [], {}]"));
        Box b = new Box(null);
        ToyObject back = roundTrip(b, a.get("v"));
        assertEquals(a.get("v").repr(), back.repr());
        b.main.define("v", back);
        b.run("print(v[5] == 2**63, type(v[6]).__name__, v[-3] == frozenset({4}), str(v[9]), v[8] == -0.0)");
        assertEquals("True int True inf True\n", b.output());
    }

    @Test
    void sharedReferencesAndCycles() {
        Box a = new Box(null).run(String.join("\n",
                "inner = [1]", "d = {'x': inner}", "v = [inner, inner, d, d]", "v.append(v)",
                "t = (v,)", "v.append(t)"));
        Box b = new Box(null);
        b.main.define("v", roundTrip(b, a.get("v")));
        b.run(String.join("\n",
                "print(v[0] is v[1], v[2] is v[3], v[2]['x'] is v[0], v[4] is v, v[5][0] is v)",
                "v[0].append(2)", "print(v[2]['x'])"));
        assertEquals("True True True True True\n[1, 2]\n", b.output());
    }

    @Test
    void forkStateCarriesFunctionsByValue() {
        Box a = new Box("/tmp/prog.toy").run(String.join("\n",
                "k = 10",
                "def g(x):\n    return x * 2",
                "def f(x, y=1, *, z=100):\n    return g(x) + y + z + k",
                "def mk(n):\n    def inner(x):\n        return x + n\n    return inner",
                "h = mk(5)",
                "lam = lambda q: [i * q for i in range(3)]",
                "def boom():\n    try:\n        1 / 0\n    except ZeroDivisionError as e:\n        return 'caught ' + str(e)"));
        Box b = forkChildOf(a, "print(f(3), f(3, 2, z=0), h(1), lam(2), boom(), f.__globals__ is lam.__globals__)");
        assertEquals("117 18 6 [0, 2, 4] caught division by zero True\n", b.output());
    }

    @Test
    void replFunctionTravelsWithTheGlobalsItReads() {
        Box a = new Box(null).run(String.join("\n",
                "import threading",
                "lock = threading.Lock()",
                "base = 7",
                "def helper(x):\n    return x + base",
                "def f(x):\n    return helper(x) * 2"));
        ToyObject f = roundTrip(new Box(null), a.get("f"));
        Box b = new Box(null);
        b.main.define("f", Codec.decode(Codec.encode(a.get("f")), b.resolver()));
        b.run("print(f(1), sorted(k for k in f.__globals__ if not k.startswith('__')))");
        assertEquals("16 ['base', 'helper']\n", b.output());
        assertTrue(f.repr().startsWith("<function f"));
    }

    @Test
    void classesTravelWithTheForkStateAndInstancesKeepTheirShape() {
        Box a = new Box("/tmp/prog.toy").run(String.join("\n",
                "class Base:\n    def __init__(self, v):\n        self.v = v\n    def show(self):\n        return 'v=%r' % (self.v,)",
                "class Node(Base):\n    kind = 'node'\n    def __init__(self, v):\n        super().__init__(v)\n        self.me = self",
                "    @property\n    def double(self):\n        return self.v * 2",
                "    @staticmethod\n    def make():\n        return Node(0)",
                "    @classmethod\n    def name(cls):\n        return cls.__qualname__",
                "n = Node([1, 2])",
                "pair = [n, n]"));
        Box b = forkChildOf(a, String.join("\n",
                "print(n.show(), n.double, n.me is n, pair[0] is pair[1], type(n) is Node, isinstance(n, Base))",
                "print(Node.make().v, Node.name(), n.kind, Node(5).double, Node.__mro__[1].__name__)"));
        assertEquals("v=[1, 2] [1, 2, 1, 2] True True True True\n0 Node node 10 Base\n", b.output());
    }

    @Test
    void aClassFromAFileTravelsByReference() {
        Box a = new Box("/tmp/prog.toy").run("class P:\n    pass\np = P()\np.x = 3");
        Box b = new Box("/tmp/prog.toy").run("class P:\n    def get(self):\n        return self.x");
        b.main.define("q", Codec.decode(Codec.encode(a.get("p")), b.resolver()));
        b.run("print(type(q) is P, q.get())");
        assertEquals("True 3\n", b.output());
    }

    @Test
    void fileFunctionTravelsByReference() {
        Box a = new Box("/tmp/prog.toy").run("def f(x):\n    return x + 1");
        byte[] bytes = Codec.encode(a.get("f"));
        assertTrue(bytes.length < 40, "by reference is short: " + bytes.length);
        Box b = new Box("/tmp/prog.toy").run("def f(x):\n    return x + 2");
        assertSame(b.get("f"), Codec.decode(bytes, b.resolver()));
    }

    @Test
    void whatCannotCrossFailsWithCPythonsMessage() {
        Box a = new Box("/tmp/prog.toy").run(String.join("\n",
                "import threading", "lock = threading.Lock()", "event = threading.Event()", "lam = lambda: 1",
                "def outer():\n    def inner():\n        pass\n    return inner", "inner = outer()"));
        ToyError e = assertThrows(ToyError.class, () -> Codec.encode(ToyList.of(a.get("lock"))));
        assertEquals("TypeError: cannot pickle '_thread.lock' object", org.toy.vm.Traceback.lastLine(e.exception));
        e = assertThrows(ToyError.class, () -> Codec.encode(a.get("inner")));
        assertEquals("AttributeError: Can't pickle local object 'outer.<locals>.inner'",
                org.toy.vm.Traceback.lastLine(e.exception));
        e = assertThrows(ToyError.class, () -> Codec.encode(a.get("lam")));
        assertTrue(org.toy.vm.Traceback.lastLine(e.exception).endsWith("attribute lookup <lambda> on __main__ failed"));
        // Under fork a lock travels as fork leaves it (see ForkCopies), but an Event still cannot,
        // nor can the namespace that holds one (the lambda would carry it by value).
        Codec.encode(ToyList.of(a.get("lock")), Codec.Options.FORK);
        e = assertThrows(ToyError.class, () -> Codec.encode(a.main.globals(), Codec.Options.FORK));
        assertEquals("TypeError: cannot pickle '_thread.lock' object", org.toy.vm.Traceback.lastLine(e.exception));
        e = assertThrows(ToyError.class, () -> Codec.encode(a.get("event"), Codec.Options.FORK));
        assertEquals("TypeError: cannot pickle '_thread.lock' object", org.toy.vm.Traceback.lastLine(e.exception));
    }

    @Test
    void exceptionsKeepTheirTracebackText() {
        Box a = new Box(null).run(String.join("\n",
                "def f():\n    raise ValueError('bad', 3)",
                "try:\n    f()\nexcept ValueError as e:\n    err = e"));
        ToyException back = (ToyException) roundTrip(new Box(null), a.get("err"));
        assertEquals("ValueError('bad', 3)", back.repr());
        String tb = back.getAttr("__toy_traceback__").str();
        assertTrue(tb.contains("line 2, in f") && tb.endsWith("ValueError: ('bad', 3)\n"), tb);
    }

    @Test
    void deepNestingIsRefused() {
        ToyObject v = ToyTuple.EMPTY;
        for (int i = 0; i < Codec.MAX_DEPTH + 10; i++) v = ToyList.of(v);
        ToyObject deep = v;
        ToyError e = assertThrows(ToyError.class, () -> Codec.encode(deep));
        assertTrue(e.exception.str().contains("maximum recursion depth"));
        byte[] hostile = new byte[3 + 5000];
        hostile[0] = 'T';
        hostile[1] = 'y';
        hostile[2] = 1;
        for (int i = 3; i < hostile.length; i++) hostile[i] = (i % 2 == 1) ? (byte) 'l' : 1;
        assertThrows(Codec.MalformedException.class, () -> Codec.decode(hostile, null));
    }

    @Test
    void hostileLengthsAllocateNothingLarge() {
        // A list that claims 2^62 items, a string that claims 2 GB, a big int of 1 MB: all in a few bytes.
        byte[][] cases = {
            {'T', 'y', 1, 'l', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x3F},
            {'T', 'y', 1, 's', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 'a'},
            {'T', 'y', 1, 'I', (byte) 0x80, (byte) 0x80, 0x40, 1},
            {'T', 'y', 1, 'r', 0},
            {'T', 'y', 1, 't', 1, 'r', 0},
            {'T', 'y', 1, 'd', 1, 'l', 0, 'N', 0},
            {'T', 'y', 2, 'N', 0},
            {'T', 'y', 1, 'N'},
            {'T', 'y', 1, 'N', 0, 0},
        };
        for (byte[] c : cases) assertThrows(Codec.MalformedException.class, () -> Codec.decode(c, null));
        assertEquals("None", Codec.decode(new byte[] {'T', 'y', 1, 'N', 0}, null).repr());
    }

    @Test
    void randomAndMutatedBytesAreRejectedCleanly() {
        Box a = new Box("/tmp/prog.toy").run(String.join("\n",
                "def f(x, *a, **k):\n    try:\n        return [x, a, k]\n    except Exception:\n        pass",
                "v = [1, 2**70, 'abc', b'x', (1.5, None), {'a': {1, 2}}, frozenset()]"));
        byte[] valid = Codec.encode(a.main.globals(), Codec.Options.FORK);
        Box b = new Box(null);
        Random rnd = new Random(42);
        int accepted = 0;
        for (int round = 0; round < 20000; round++) {
            byte[] bytes;
            if (round % 2 == 0) {
                bytes = new byte[rnd.nextInt(64)];
                rnd.nextBytes(bytes);
                if (bytes.length >= 3 && rnd.nextBoolean()) {
                    bytes[0] = 'T';
                    bytes[1] = 'y';
                    bytes[2] = 1;
                }
            } else {
                bytes = valid.clone();
                int flips = 1 + rnd.nextInt(4);
                for (int i = 0; i < flips; i++) bytes[rnd.nextInt(bytes.length)] = (byte) rnd.nextInt(256);
                if (rnd.nextInt(4) == 0) bytes = java.util.Arrays.copyOf(bytes, rnd.nextInt(bytes.length));
            }
            try {
                Codec.decode(bytes, b.resolver());
                accepted++;
            } catch (Codec.MalformedException expected) {
                // the only acceptable failure
            } catch (Throwable t) {
                fail("round " + round + ": " + t, t);
            }
        }
        assertTrue(accepted < 20000);
    }
}
