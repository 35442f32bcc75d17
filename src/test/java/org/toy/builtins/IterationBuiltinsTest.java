package org.toy.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.toy.builtins.ToyTesting.assertRaises;
import static org.toy.builtins.ToyTesting.drain;
import static org.toy.builtins.ToyTesting.i;
import static org.toy.builtins.ToyTesting.ints;
import static org.toy.builtins.ToyTesting.kw;
import static org.toy.builtins.ToyTesting.s;

import org.junit.jupiter.api.Test;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;

/** enumerate, zip, map, filter, reversed, iter and next as iterator objects. */
class IterationBuiltinsTest {
    private final ToyTesting t = new ToyTesting();

    @Test
    void iteratorsAreTheirOwnIteratorAndNamedAsInPython() {
        for (String name : new String[] {"enumerate", "zip", "map", "filter", "reversed"}) {
            ToyObject it = switch (name) {
                case "map", "filter" -> t.call(name, ToyNone.NONE, ints(1));
                default -> t.call(name, ints(1));
            };
            assertSame(it, it.iter());
            assertTrue(it.repr().startsWith("<" + name + " object at 0x"), it.repr());
            assertSame(t.fn(name), it.type());
        }
        assertTrue(t.call("reversed", ToyTesting.list(i(1))).repr().startsWith("<list_reverseiterator object at 0x"));
    }

    @Test
    void enumerateCountsFromStart() {
        assertEquals("[(5, 'a'), (6, 'b')]", drain(t.call("enumerate", s("ab"), kw("start", i(5)))));
        assertEquals("[(9223372036854775807, 'a'), (9223372036854775808, 'b')]",
                drain(t.call("enumerate", s("ab"), i(Long.MAX_VALUE))));
    }

    @Test
    void zipStopsAtTheShortest() {
        assertEquals("[(1, 'a'), (2, 'b')]", drain(t.call("zip", ints(1, 2, 3), s("ab"))));
        assertEquals("[]", drain(t.call("zip")));
        assertEquals("[(1, 3)]", drain(t.call("zip", ints(1), ints(3), kw("strict", ToyTesting.TRUE))));
    }

    @Test
    void mapCallsWithOneItemFromEachIterable() {
        assertEquals("[(3, 1), (2, 1)]", drain(t.call("map", t.fn("divmod"), ints(7, 9, 11), ints(2, 4))));
    }

    @Test
    void filterWithAFunctionOrNone() {
        BuiltinFunction odd = BuiltinFunction.function("odd", (ts, a, kw) -> ToyTesting.TRUE.eq(i(((ToyInt) a[0]).value % 2)) ? ToyTesting.TRUE : ToyTesting.FALSE);
        assertEquals("[1, 3]", drain(t.call("filter", odd, ints(1, 2, 3, 4))));
        assertEquals("[1, 'x']", drain(t.call("filter", ToyNone.NONE, ToyTesting.tuple(i(0), i(1), s(""), s("x")))));
    }

    @Test
    void reversedWalksSequencesBackwards() {
        ToyList l = ToyTesting.list(i(1), i(2), i(3));
        ToyObject it = t.call("reversed", l);
        assertEquals("3", it.next().repr());
        l.size = 1; // the list shrank: CPython's list_reverseiterator just stops
        assertEquals(null, it.next());
        assertEquals("['c', 'b', 'a']", drain(t.call("reversed", s("abc"))));
        assertRaises("TypeError: 'NoneType' object is not reversible", () -> t.call("reversed", ToyNone.NONE));
        assertRaises("TypeError: reversed() takes no keyword arguments", () -> t.call("reversed", ints(1), kw("x", i(1))));
    }

    @Test
    void iterAndNext() {
        ToyObject it = t.call("enumerate", s("a"));
        assertSame(it, t.call("iter", it));
        assertEquals("(0, 'a')", t.call("next", it).repr());
        assertEquals("'done'", t.call("next", it, s("done")).repr());
        assertRaises("StopIteration: ", () -> t.call("next", it));
    }

    @Test
    void iterWithASentinelCallsUntilTheSentinel() {
        int[] n = {0};
        BuiltinFunction counter = BuiltinFunction.function("counter", (ts, a, kw) -> i(++n[0]));
        ToyObject it = t.call("iter", counter, i(4));
        assertTrue(it.repr().startsWith("<callable_iterator object at 0x"));
        assertEquals("[1, 2, 3]", drain(it));
        assertEquals(null, it.next());
    }
}
