package org.toy.runtime;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** list, tuple, dict, bytes, range and slice behaviour, against python3. */
class ContainerOracleTest {
    @TestFactory
    Stream<DynamicTest> lists() {
        return Oracle.compare(
                "[1][5]", "[1, 2, 3][-1]", "[1][1.5]", "[1]['a']", "[1, 2, 3, 4, 5][1:4]", "[1, 2, 3, 4, 5][::-2]",
                "[1, 2, 3][10:]", "[1, 2] + [3]", "[] + ()", "[1] + 'a'", "[1, 2] * 2", "2 * [0]", "[1] * -1",
                "[1] * 1.5", "a = [1]; a += (2, 3); a", "a = [1]; a += 'bc'; a", "a = [1, 2]; a *= 2; a",
                "a = [1]; a += 5", "[1, 2] < [1, 3]", "[1, 2] < [1, 2, 0]", "[1] == [1.0]", "[1] < ['a']",
                "[[1]] == [[1]]", "2 in [1, 2]", "'a' in [1]", "a = [1, 2, 3]; a[0] = 9; a", "a = [1]; a[5] = 0",
                "a = [1, 2, 3]; a[1:2] = [7, 8, 9]; a", "a = [1, 2, 3]; a[::2] = [0, 0]; a",
                "a = [1, 2, 3]; a[::2] = [1, 2, 3]", "a = [1, 2, 3]; a[1:] = []; a", "a = [1, 2, 3]; a[:0] = 'xy'; a",
                "a = [1, 2, 3]; a[5:] = [4]; a", "a = [1, 2, 3]; a[2:1] = [9]; a", "a = [1, 2, 3]; a[::-1] = [4, 5, 6]; a",
                "a = [1, 2, 3]; a[0:1] = 5", "a = [1, 2, 3]; a[:] = a; a", "a = [1, 2, 3, 4, 5]; del a[1]; a",
                "a = [1, 2, 3, 4, 5]; del a[::2]; a", "a = [1, 2, 3, 4, 5]; del a[1:3]; a", "a = [1]; del a[3]",
                "a = [1]; a.append(2); a", "a = [1]; a.extend(range(3)); a", "a = [1]; a.extend(a); a",
                "a = [1, 3]; a.insert(1, 2); a", "a = [1]; a.insert(-5, 0); a", "a = [1]; a.insert(9, 0); a",
                "[1].insert(1)", "[].pop()", "[1].pop(5)", "[1, 2, 3].pop(0)", "[1, 2, 3].pop(-1)", "[1].pop('a')",
                "[1].remove(2)", "a = [1, 2, 1]; a.remove(1); a", "[1].index(5)", "[1, 2, 1].index(1, 1)",
                "[1, 2].index(2, -1)", "[1].index(1, 'a')", "['a'].index('b')", "[1, 1, 2].count(1)",
                "a = [3, 1, 2]; a.sort(); a", "a = [3, 1, 2]; a.sort(reverse=True); a", "a = ['bb', 'a', 'ccc'];"
                        + " a.sort(key=len); a", "a = [(1, 'b'), (0, 'z'), (1, 'a')]; a.sort(); a",
                "a = ['b', 'A', 'c']; a.sort(key=str.lower); a", "a = [3, 'a']; a.sort()", "[1, 2].sort(1)",
                "[1, 2].sort(key=1)", "[1].sort(foo=1)", "sorted([5, -1, 3, -7], key=abs)",
                "sorted([1, 1.0, True], reverse=True)", "sorted([2.5, 1, -3.5, 2])", "sorted('hello')",
                "sorted(list(range(30, 0, -1)))", "sorted([-x % 7 for x in []])" .replace("[-x % 7 for x in []]", "[]"),
                "a = [1, 2, 3]; a.reverse(); a", "a = [1]; b = a.copy(); b.append(2); a", "a = [1, 2]; a.clear(); a",
                "list()", "list((1, 2))", "list(1)", "list({1: 2})", "hash([])", "{}[[1]]", "a = [1]; a.append(a); a",
                "a = [1, 2]; i = iter(a); a.append(3); [next(i), next(i), next(i)]", "type(iter([])).__name__",
                "list.append([], 1)", "list.append('a', 1)", "[].append()", "[].append(1, 2)", "len([1, 2])",
                "[1, 2][True]", "[0] * 3 == [0, 0, 0]", "[1, [2, 3]][1][0]", "[None, True] == [None, 1]");
    }

    @TestFactory
    Stream<DynamicTest> tuples() {
        return Oracle.compare(
                "(1,)[5]", "(1, 2, 3)[1:]", "(1, 2, 3)[::-1]", "(1, 2) + (3,)", "(1,) + [1]", "(1, 2) * 2",
                "(1,) * 0", "(1, 2) < (1, 3)", "(1, 2) == (1, 2)", "(1, 'a') < (1, 2)", "2 in (1, 2)",
                "(1, 2, 1).count(1)", "(1,).index(5)", "(1, 2, 3).index(3)", "hash((1, 2))", "hash(())",
                "hash((1,))", "hash((-1, (2, 3)))", "hash((1.5, 'x' == 'x', None is None))", "hash(([1],))",
                "tuple()", "tuple([1, 2])", "tuple('ab')", "tuple(1)", "(1, 2)[1.5]", "repr((1,))", "repr(())",
                "type(iter(())).__name__", "tuple.index((1, 2), 2)", "len((1, 2, 3))");
    }

    @TestFactory
    Stream<DynamicTest> dicts() {
        return Oracle.compare(
                "{1: 2}[1]", "{1: 2}[3]", "{1: 2}['a']", "{1: 2}.get(3)", "{1: 2}.get(3, 4)", "{1: 2}.get(1)",
                "{1: 'a', 2: 'b'}.keys()", "{1: 'a', 2: 'b'}.values()", "{1: 'a', 2: 'b'}.items()",
                "list({1: 'a', 2: 'b'}.items())", "len({1: 2}.keys())", "1 in {1: 2}.keys()", "(1, 2) in {1: 2}.items()",
                "'a' in {1: 'a'}.values()", "{1: 2}.keys() == {1}", "{1: 2, 3: 4}.keys() & {1}", "{1: 2}.keys() | {5}",
                "{1: 2}.pop(3)", "{1: 2}.pop(3, 'x')", "d = {1: 2}; d.pop(1); d", "{}.popitem()",
                "d = {1: 2, 3: 4}; d.popitem()", "d = {}; d.setdefault('a', []).append(1); d", "d = {1: 2}; d.setdefault(1, 5)",
                "d = {1: 2}; d.update({3: 4}); d", "d = {}; d.update([(1, 2), (3, 4)]); d", "d = {}; d.update(a=1); d",
                "d = {}; d.update([(1,)])", "d = {}; d.update([1])", "d = {}; d.update(1)", "d = {1: 2}; e = d.copy(); e[3] = 4; d",
                "d = {1: 2}; d.clear(); d", "dict.fromkeys([1, 2])", "dict.fromkeys('ab', 0)", "{}.fromkeys([1])",
                "{1: 2} | {1: 3, 4: 5}", "d = {1: 2}; d |= [(3, 4)]; d", "{1: 2} | [1]", "{1: 2} == {1: 2.0}",
                "{1: 2} == {1: 3}", "{1: 2} < {1: 3}", "1 in {1: 2}", "dict(a=1, b=2)", "dict([(1, 2)], x=3)",
                "dict({1: 2})", "dict([(1,)])", "dict([1])", "dict(1)", "dict(1, 2)", "d = {}; d[[1]] = 2", "hash({})",
                "d = {1: 2}; d[1.0] = 3; d", "d = {True: 'a'}; d[1] = 'b'; d", "d = {'a': 1}; del d['a']; d",
                "d = {}; del d['a']", "d = {1: 2}; d[1] = d; d", "list({3: 1, 1: 2})", "list(iter({'b': 1, 'a': 2}))",
                "type(iter({})).__name__", "type({}.items()).__name__", "d = {1: 2}; i = iter(d); d[3] = 4; next(i)",
                "d = {1: 2}; i = iter(d); d[1] = 5; next(i)", "{1: 2}.keys() - {1}", "repr({}.keys())",
                "dict.keys({})", "dict.keys([])");
    }

    @TestFactory
    Stream<DynamicTest> bytesAndRanges() {
        return Oracle.compare(
                "b'ab\\x00'", "b'a\\'b'", "b'a\"b'", "b'\\xff\\n'", "len(b'abc')", "b'abc'[0]", "b'abc'[-1]",
                "b'a'[3]", "b'abcd'[1:3]", "b'abcd'[::-1]", "list(b'ab')", "b'a' + b'b'", "b'ab' * 2", "b'a' + 'b'",
                "b'a' == b'a'", "b'a' < b'b'", "hash(b'a') == hash(b'a')", "b'abc'.decode()", "b'\\xc3\\xa9'.decode()",
                "b'\\xff'.decode()", "b'\\xe9'.decode('latin-1')", "b'\\xe9'.decode('ascii')", "b'abc'.hex()",
                "97 in b'abc'", "b'bc' in b'abc'", "300 in b'a'", "bytes(3)", "bytes([65, 66])", "bytes([256])",
                "bytes('é', 'utf-8')", "bytes('a')", "bytes(-1)", "bytes('é', 'ascii')", "str(b'x', 'ascii')",
                "b'a,b'.startswith(b'a')", "b'-'.join([b'a', b'b'])", "b'aXa'.count(b'a')", "b'Ab'.upper()",
                "type(iter(b'')).__name__", "bytes()",
                "range(10)", "range(0, 10, 2)", "range(1, 2, 0)", "len(range(0, 10, 3))", "len(range(10, 0, -3))",
                "len(range(5, 1))", "range(10)[3]", "range(10)[-1]", "range(5)[10]", "range(10)[2:5]",
                "range(10)[::2]", "range(10)[1:8:3]", "range(10)[::-1]", "range(0, 20, 3)[::-2]", "list(range(3))",
                "list(range(10, 0, -3))", "3 in range(10)", "3 in range(0, 10, 2)", "-1 in range(10)", "3.0 in range(5)",
                "'a' in range(3)", "10 in range(10, 0, -1)", "range(0) == range(5, 5)", "range(0, 3, 2) == range(0, 4, 2)",
                "range(3) == range(3)", "range(1) == range(1, 2, 5)", "hash(range(0, 10, 2))", "range(1.5)", "range()", "range(1, 2, 3, 4)", "range(10).index(3)",
                "range(10).index(11)", "range(10).count(3)", "range(5).start", "range(1, 9, 2).step",
                "type(iter(range(3))).__name__", "list(range(-5, 5, 4))", "range(-3)",
                "slice(1, 2)", "slice(3)", "slice(1, 2, 3).step", "slice(None, 5).indices(3)", "slice(1, 2) == slice(1, 2)",
                "hash(slice(1, 2))", "'abcdef'[slice(1, None, 2)]", "[1, 2, 3][slice(None, None, -1)]",
                "'abc'[1:'x']", "[1, 2, 3][::2**70]", "[1, 2, 3][-2**70:2**70]", "object() == object()",
                "type(1).__name__", "type('a') == str", "type(type)", "type(1, 2)", "object(1)");
    }
}
