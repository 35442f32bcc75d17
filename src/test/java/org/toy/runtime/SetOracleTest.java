package org.toy.runtime;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** set and frozenset, above all their iteration order, which must equal CPython's, against python3. */
class SetOracleTest {
    @TestFactory
    Stream<DynamicTest> order() {
        return Oracle.compare(
                "{3, 1, 2}", "{10, 100, 1000}", "{-1, -2, 5, 9, 8}", "{2**64, 1, 7, -2**64}", "set(range(20, 0, -1))",
                "set(range(0, 200, 7))", "s = set(range(100)); s.difference_update(range(0, 100, 3)); s",
                "{100, 200, 300, 400, 500, 600, 700, 800, 900}", "{8, 16, 24, 32, 40, 48}", "{1.5, 2.5, 0.5, -0.5}",
                "{(1, 2), (3, 4), (5, 6)}", "{False, True, 0}", "s = {1.5}; s.add(-2); s.add(0); s.add(7); s", "{1, 1.0, True}", "set([5, 13, 21, 29])",
                "s = {1, 2, 3}; s.remove(2); s.add(10); s.add(18); s", "s = set(); s.update(range(0, 50 * 37, 37)); s",
                "s = {3, 1, 2}; s.pop()", "s = {5, 9, 13}; [s.pop(), s.pop()]", "set().pop()",
                "{1, 2, 3} | {10, 20}", "{1, 2, 3} & {2, 3, 4}", "{1, 2, 3} - {2}", "{1, 2, 3} ^ {3, 4, 5}",
                "set(range(50)) - set(range(0, 50, 2))", "set(range(40)) & set(range(20, 60))",
                "set(range(10)) ^ set(range(5, 15))", "set(range(30)).copy()", "set(range(5)).copy()",
                "s = set(range(10)); s |= {100, 200}; s", "s = set(range(10)); s &= {3, 4, 99}; s",
                "s = set(range(10)); s -= {3, 4}; s", "s = set(range(10)); s ^= {3, 40}; s",
                "{1, 2}.union([3], (4,))", "{1, 2, 3}.intersection([2, 3], {3})", "{1, 2, 3}.difference([1], [2])",
                "{1, 2}.symmetric_difference([2, 3])", "s = {1, 2, 3}; s.intersection_update([2, 3, 4]); s",
                "s = {1, 2, 3}; s.difference_update([1]); s", "s = {1}; s.update([2], {3}); s",
                "s = {1, 2}; s.symmetric_difference_update({2, 3}); s", "frozenset({3, 1, 2})", "frozenset()",
                "set()", "frozenset([1, 2]) | {3}", "{3} | frozenset([1, 2])", "frozenset(range(20)) & set(range(5))",
                "set({3: 1, 1: 2, 2: 3})", "set('a') == {'a'}", "set([3, 3, 1])", "list({-5, 4, -3, 2, -1})");
    }

    @TestFactory
    Stream<DynamicTest> behaviour() {
        return Oracle.compare(
                "s = {1}; s.remove(2)", "s = {1}; s.discard(2); s", "2 in {1, 2}", "[1] in {1}", "{1} in {frozenset([1])}",
                "{1, 2} <= {1, 2, 3}", "{1, 2} < {1, 2}", "{1, 2} >= {2}", "{1, 2} > {1, 2}", "{1, 2} == frozenset([2, 1])",
                "{1, 2} != {1}", "{1} < [1]", "{1} | [2]", "{1}.issubset([1, 2])", "{1, 2}.issuperset([1])",
                "{1}.isdisjoint([2, 3])", "{1}.isdisjoint({1})", "len({1, 2, 2})", "hash(frozenset([1, 2, 3]))",
                "hash(frozenset())", "hash(frozenset([(1, 2), 'x' == 'x']))", "hash({1})", "{[1]}", "set([[1]])",
                "frozenset([1]).add(2)", "s = {1, 2}; i = iter(s); s.add(3); next(i)", "type(iter({1})).__name__",
                "s = {1}; s.clear(); s", "set.add(frozenset(), 1)", "{1, 2}.copy() == {1, 2}", "set(1)", "set([1], [2])",
                "frozenset([frozenset([1])])", "bool(set())", "s = {1}; s.add(s)");
    }
}
