package org.toy.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.toy.builtins.ToyTesting.assertRaises;
import static org.toy.builtins.ToyTesting.kw;
import static org.toy.builtins.ToyTesting.nums;
import static org.toy.builtins.ToyTesting.tuple;

import org.junit.jupiter.api.Test;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyTuple;

/** min, max, sum and sorted over values that compare (Num stands in for the runtime's int). */
class AggregateBuiltinsTest {
    private final ToyTesting t = new ToyTesting();

    /** A key function: the number's value modulo 10, so 13 and 3 compare equal. */
    private final ToyObject mod10 = BuiltinFunction.function("mod10",
            (ts, args, kw) -> new ToyTesting.Num(((ToyTesting.Num) args[0]).value % 10));

    @Test
    void minAndMaxOverAnIterableOrSeveralArguments() {
        assertEquals("1", t.call("min", nums(3, 1, 2)).repr());
        assertEquals("3", t.call("max", nums(3, 1, 2)).repr());
        ToyTuple three = nums(5, 9, 7);
        assertEquals("9", t.call("max", three.items[0], three.items[1], three.items[2]).repr());
    }

    @Test
    void minAndMaxKeepTheFirstOfEqualItems() {
        ToyObject a = new ToyTesting.Num(1, "a"), b = new ToyTesting.Num(1, "b");
        assertSame(a, t.call("min", tuple(a, b)));
        assertSame(a, t.call("max", tuple(a, b)));
    }

    @Test
    void keyAndDefault() {
        assertEquals("13", t.call("max", nums(13, 22), kw("key", mod10)).repr());
        assertEquals("22", t.call("max", nums(13, 22)).repr());
        assertEquals("13", t.call("min", nums(13, 3, 4), kw("key", mod10)).repr());
        assertEquals("'none'", t.call("min", tuple(), kw("default", ToyTesting.s("none"))).repr());
        assertRaises("ValueError: max() arg is an empty sequence", () -> t.call("max", tuple(), kw("key", mod10)));
    }

    @Test
    void sumFallsBackToTheGenericPlus() {
        assertEquals("6", t.call("sum", nums(1, 2, 3), kw("start", new ToyTesting.Num(0))).repr());
        assertRaises("TypeError: unsupported operand type(s) for +: 'int' and 'Num'", () -> t.call("sum", nums(1)));
    }

    @Test
    void sortedIsStableAndReverseKeepsEqualItemsInOrder() {
        ToyTuple items = tuple(new ToyTesting.Num(2, "a"), new ToyTesting.Num(1, "b"), new ToyTesting.Num(2, "c"),
                new ToyTesting.Num(1, "d"));
        assertEquals("[1b, 1d, 2a, 2c]", t.call("sorted", items).repr());
        assertEquals("[2a, 2c, 1b, 1d]", t.call("sorted", items, kw("reverse", ToyTesting.TRUE)).repr());
    }

    @Test
    void sortedKeepsStabilityWithAKey() {
        assertEquals("[13, 3, 24, 5]", t.call("sorted", nums(13, 24, 5, 3), kw("key", mod10)).repr());
        assertEquals("[5, 24, 13, 3]", t.call("sorted", nums(13, 24, 5, 3), kw("key", mod10), kw("reverse", ToyTesting.TRUE)).repr());
    }

    @Test
    void sortedSortsLongInputsAndReturnsANewList() {
        long[] values = new long[500];
        for (int k = 0; k < values.length; k++) values[k] = (k * 7919L) % 500;
        ToyList sorted = (ToyList) t.call("sorted", nums(values));
        for (int k = 0; k < 500; k++) assertEquals(String.valueOf(k), sorted.items[k].repr());
        ToyList input = ToyTesting.list(nums(2, 1).items);
        ToyObject result = t.call("sorted", input);
        assertEquals("[2, 1]", input.repr());
        assertEquals("[1, 2]", result.repr());
    }

    @Test
    void lenOfContainers() {
        assertEquals("3", t.call("len", ToyTesting.ints(1, 2, 3)).repr());
    }
}
