package org.toy.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.toy.builtins.ToyTesting.assertRaises;
import static org.toy.builtins.ToyTesting.f;
import static org.toy.builtins.ToyTesting.i;
import static org.toy.builtins.ToyTesting.s;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.toy.runtime.ToyInt;

/** Behaviour beyond the oracle table: big values and the rounding corner cases. */
class NumberAndTextBuiltinsTest {
    private final ToyTesting t = new ToyTesting();

    @Test
    void roundOfHugeFloatsGivesExactBigInts() {
        assertEquals("10000000000000000303786028427003666890752", t.call("round", f(1e40)).repr());
        assertEquals("-3", t.call("round", f(-2.5000001)).repr());
        assertEquals("2", t.call("round", f(2.5)).repr());
        assertEquals("-0.0", t.call("round", f(-0.4), i(0)).repr());
    }

    @Test
    void roundHalfEvenOnTheExactBinaryValue() {
        assertEquals("0.2", t.call("round", f(0.25), i(1)).repr()); // 0.25 is exact: half to even
        assertEquals("0.3", t.call("round", f(0.35), i(1)).repr()); // 0.35 is stored a bit below .35
        assertEquals("2.67", t.call("round", f(2.675), i(2)).repr()); // 2.675 is a bit below
    }

    @Test
    void divmodOfBigInts() {
        ToyInt big = ToyInt.of(BigInteger.TEN.pow(30).negate());
        assertEquals("(-142857142857142857142857142858, 6)", t.call("divmod", big, i(7)).repr());
    }

    @Test
    void powWithAModulusOnBigInts() {
        ToyInt big = ToyInt.of(BigInteger.TWO.pow(100));
        assertEquals("2", t.call("pow", i(2), big, i(7)).repr());
    }

    @Test
    void chrBeyondTheBmpIsASurrogatePairAndOrdReadsItBack() {
        assertEquals(0x1F600, ((ToyInt) t.call("ord", t.call("chr", i(0x1F600)))).value);
        assertEquals("'\\U0001f600'", t.call("ascii", t.call("chr", i(0x1F600))).str());
    }

    @Test
    void formatDelegatesToTheValue() {
        assertEquals("abc", t.call("format", s("abc")).str());
        assertRaises("TypeError: unsupported format string passed to list.__format__",
                () -> t.call("format", ToyTesting.list(), s("x")));
    }
}
