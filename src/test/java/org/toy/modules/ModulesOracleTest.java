package org.toy.modules;

import static org.toy.builtins.ToyTesting.f;
import static org.toy.builtins.ToyTesting.i;
import static org.toy.builtins.ToyTesting.ints;
import static org.toy.builtins.ToyTesting.kw;
import static org.toy.builtins.ToyTesting.s;
import static org.toy.builtins.ToyTesting.tuple;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.toy.builtins.PythonOracle;
import org.toy.builtins.ToyTesting;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyTuple;

/** math, random, sys, time and os.path, row by row against CPython 3.11. */
class ModulesOracleTest {
    private final ToyTesting t = new ToyTesting();
    private final ToyModule math = BuiltinModules.create("math", t.interp);
    private final ToyModule random = BuiltinModules.create("random", t.interp);
    private final ToyModule sys = BuiltinModules.create("sys", t.interp);
    private final ToyModule time = BuiltinModules.create("time", t.interp);
    private final ToyModule os = BuiltinModules.create("os", t.interp);
    private final ToyModule path = (ToyModule) os.getAttr("path");

    private static ToyObject call(ToyModule m, String name, Object... args) {
        return new ToyTesting().callObject(m.getAttr(name), args);
    }

    private ToyObject m(String name, Object... args) { return t.callObject(math.getAttr(name), args); }
    private ToyObject r(String name, Object... args) { return t.callObject(random.getAttr(name), args); }
    private ToyObject p(String name, Object... args) { return t.callObject(path.getAttr(name), args); }

    /** Seeds random, then collects the results of {@code draws} as a tuple: one oracle row for a sequence. */
    private Supplier<ToyObject> seeded(ToyObject seed, Supplier<?>... draws) {
        return () -> {
            r("seed", seed);
            List<ToyObject> out = new ArrayList<>();
            for (Supplier<?> d : draws) out.add((ToyObject) d.get());
            return ToyTuple.of(out.toArray(new ToyObject[0]));
        };
    }

    private static ToyInt big(String digits) { return ToyInt.of(new BigInteger(digits)); }

    @Test
    void matchesCPython() throws Exception {
        ToyList deck = ToyTesting.list(ints(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).items);
        new PythonOracle("import math, random, sys, time, os")
            // math: values
            .row("math.pi, math.e, math.tau, math.inf", () -> tuple(math.getAttr("pi"), math.getAttr("e"), math.getAttr("tau"), math.getAttr("inf")))
            .row("math.sqrt(2)", () -> m("sqrt", i(2)))
            .row("math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5)", () -> tuple(m("floor", f(-2.5)), m("ceil", f(-2.5)), m("trunc", f(-2.5))))
            .row("math.floor(1e20), math.ceil(10**30)", () -> tuple(m("floor", f(1e20)), m("ceil", big("1000000000000000000000000000000"))))
            .row("math.fabs(-3), math.exp(1), math.log(8, 2), math.log(100, 10)", () -> tuple(m("fabs", i(-3)), m("exp", i(1)), m("log", i(8), i(2)), m("log", i(100), i(10))))
            .row("math.log(10**400)", () -> m("log", ToyInt.of(BigInteger.TEN.pow(400))))
            .row("math.log2(8), math.log2(10), math.log10(1000), math.log1p(1e-10)", () -> tuple(m("log2", i(8)), m("log2", i(10)), m("log10", i(1000)), m("log1p", f(1e-10))))
            .row("math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1)",
                () -> tuple(m("sin", i(1)), m("cos", i(1)), m("tan", i(1)), m("asin", f(0.5)), m("acos", f(0.5)), m("atan", i(1))))
            .row("math.atan2(1, -1), math.hypot(3, 4), math.hypot(), math.degrees(math.pi), math.radians(180)",
                () -> tuple(m("atan2", i(1), i(-1)), m("hypot", i(3), i(4)), m("hypot"), m("degrees", math.getAttr("pi")), m("radians", i(180))))
            .row("math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1), math.isclose(1, 1.1, abs_tol=0.2)",
                () -> tuple(m("isclose", f(1.0), f(1.0 + 1e-10)), m("isclose", i(1), f(1.1)), m("isclose", i(1), f(1.1), kw("abs_tol", f(0.2)))))
            .row("math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1)", () -> tuple(m("isnan", math.getAttr("nan")), m("isinf", f(Double.NEGATIVE_INFINITY)), m("isfinite", i(1))))
            .row("math.gcd(12, -18, 30), math.gcd(), math.lcm(4, 6, 10), math.lcm()", () -> tuple(m("gcd", i(12), i(-18), i(30)), m("gcd"), m("lcm", i(4), i(6), i(10)), m("lcm")))
            .row("math.factorial(30)", () -> m("factorial", i(30)))
            .row("math.comb(52, 5), math.comb(5, 7), math.perm(5), math.perm(5, 2), math.isqrt(10**20 + 1)",
                () -> tuple(m("comb", i(52), i(5)), m("comb", i(5), i(7)), m("perm", i(5)), m("perm", i(5), i(2)), m("isqrt", big("100000000000000000001"))))
            .row("math.prod((1, 2, 3, 4)), math.prod((1.5, 2)), math.prod((), start=5)", () -> tuple(m("prod", ints(1, 2, 3, 4)), m("prod", tuple(f(1.5), i(2))), m("prod", tuple(), kw("start", i(5)))))
            .row("math.fsum([0.1] * 10), sum([0.1] * 10)", () -> {
                ToyObject[] tenths = new ToyObject[10];
                java.util.Arrays.fill(tenths, f(0.1));
                return tuple(m("fsum", tuple(tenths)), t.call("sum", tuple(tenths)));
            })
            .row("math.copysign(1, -0.0), math.fmod(-7, 3), math.modf(-2.5), math.modf(math.inf)",
                () -> tuple(m("copysign", i(1), f(-0.0)), m("fmod", i(-7), i(3)), m("modf", f(-2.5)), m("modf", f(Double.POSITIVE_INFINITY))))
            .row("math.frexp(8.0), math.frexp(-0.1), math.frexp(5e-324), math.ldexp(0.5, 4)", () -> tuple(m("frexp", f(8.0)), m("frexp", f(-0.1)), m("frexp", f(5e-324)), m("ldexp", f(0.5), i(4))))
            .row("math.pow(2, 10), math.pow(1, math.nan), math.pow(-8, 1/3) if False else math.pow(2, -1)", () -> tuple(m("pow", i(2), i(10)), m("pow", i(1), f(Double.NaN)), m("pow", i(2), i(-1))))
            .row("math.log2(3), math.log2(0.1), math.log2(1e300), math.asinh(0.5), math.asinh(-3), math.cosh(0.5), math.sinh(3)",
                () -> tuple(m("log2", i(3)), m("log2", f(0.1)), m("log2", f(1e300)), m("asinh", f(0.5)), m("asinh", i(-3)), m("cosh", f(0.5)), m("sinh", i(3))))
            .row("math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5)",
                () -> tuple(m("sinh", i(1)), m("cosh", i(1)), m("tanh", i(1)), m("asinh", i(1)), m("acosh", i(2)), m("atanh", f(0.5))))
            // math: errors
            .row("math.sqrt(-1)", () -> m("sqrt", i(-1)))
            .row("math.sqrt('a')", () -> m("sqrt", s("a")))
            .row("math.sqrt()", () -> m("sqrt"))
            .row("math.log(0)", () -> m("log", i(0)))
            .row("math.log(-10**400)", () -> m("log", ToyInt.of(BigInteger.TEN.pow(400).negate())))
            .row("math.log(1, 1)", () -> m("log", i(1), i(1)))
            .row("math.log()", () -> m("log"))
            .row("math.floor(float('inf'))", () -> m("floor", f(Double.POSITIVE_INFINITY)))
            .row("math.floor(float('nan'))", () -> m("floor", f(Double.NaN)))
            .row("math.floor('a')", () -> m("floor", s("a")))
            .row("math.trunc('a')", () -> m("trunc", s("a")))
            .row("math.exp(1000)", () -> m("exp", i(1000)))
            .row("math.factorial(-1)", () -> m("factorial", i(-1)))
            .row("math.factorial(2.0)", () -> m("factorial", f(2.0)))
            .row("math.comb(-1, 2)", () -> m("comb", i(-1), i(2)))
            .row("math.comb(2, -1)", () -> m("comb", i(2), i(-1)))
            .row("math.perm(-1, 2)", () -> m("perm", i(-1), i(2)))
            .row("math.fmod(1, 0)", () -> m("fmod", i(1), i(0)))
            .row("math.fmod(math.inf, 1)", () -> m("fmod", f(Double.POSITIVE_INFINITY), i(1)))
            .row("math.ldexp(1.0, 10000)", () -> m("ldexp", f(1.0), i(10000)))
            .row("math.pow(0, -1)", () -> m("pow", i(0), i(-1)))
            .row("math.pow(10.0, 1000)", () -> m("pow", f(10.0), i(1000)))
            .row("math.pow(-1, 0.5)", () -> m("pow", i(-1), f(0.5)))
            .row("math.isclose(1, 1, rel_tol=-1)", () -> m("isclose", i(1), i(1), kw("rel_tol", i(-1))))
            .row("math.isclose(1)", () -> m("isclose", i(1)))
            .row("math.asin(2)", () -> m("asin", i(2)))
            .row("math.sin(math.inf)", () -> m("sin", f(Double.POSITIVE_INFINITY)))
            .row("math.gcd(1.5)", () -> m("gcd", f(1.5)))
            .row("math.fsum([math.inf, -math.inf])", () -> m("fsum", tuple(f(Double.POSITIVE_INFINITY), f(Double.NEGATIVE_INFINITY))))
            .row("math.prod()", () -> m("prod"))
            .row("math.sqrt(10**400)", () -> m("sqrt", ToyInt.of(BigInteger.TEN.pow(400))))
            .row("math.atan2(1)", () -> m("atan2", i(1)))
            .row("math.isqrt(-1)", () -> m("isqrt", i(-1)))
            // random: CPython's exact sequences
            .row("(random.seed(42), random.random(), random.random(), random.random())[1:]",
                seeded(i(42), () -> r("random"), () -> r("random"), () -> r("random")))
            .row("(random.seed(7), [random.randint(1, 6) for _ in range(8)])[1]", () -> {
                r("seed", i(7));
                ToyList l = new ToyList();
                for (int k = 0; k < 8; k++) l.append(r("randint", i(1), i(6)));
                return l;
            })
            .row("(random.seed(2**100 + 5), random.randrange(10**30), random.randrange(0, 100, 7), random.randrange(10, 0, -3), random.getrandbits(70))[1:]",
                seeded(ToyInt.of(BigInteger.TWO.pow(100).add(BigInteger.valueOf(5))), () -> r("randrange", ToyInt.of(BigInteger.TEN.pow(30))),
                    () -> r("randrange", i(0), i(100), i(7)), () -> r("randrange", i(10), i(0), i(-3)), () -> r("getrandbits", i(70))))
            .row("(random.seed('hello'), random.random(), random.choice('abcdef'))[1:]", seeded(s("hello"), () -> r("random"), () -> r("choice", s("abcdef"))))
            .row("(random.seed(-3), random.random())[1:]", seeded(i(-3), () -> r("random")))
            .row("(random.seed(1.5), random.random())[1:]", seeded(f(1.5), () -> r("random")))
            .row("(random.seed(5), random.shuffle(d := list(range(1, 11))), d)[2]", () -> {
                r("seed", i(5));
                r("shuffle", deck);
                return deck;
            })
            .row("(random.seed(9), random.sample(range(100), 5), random.sample((1, 2, 3), 3), random.sample(range(1000), 30))[1:]",
                seeded(i(9), () -> r("sample", range(100), i(5)), () -> r("sample", ints(1, 2, 3), i(3)), () -> r("sample", range(1000), i(30))))
            .row("(random.seed(11), random.choices('abc', k=4), random.choices('abc', [5, 1, 0.5], k=4), random.choices('ab', cum_weights=[1, 3], k=3))[1:]",
                seeded(i(11), () -> r("choices", s("abc"), kw("k", i(4))), () -> r("choices", s("abc"), tuple(i(5), i(1), f(0.5)), kw("k", i(4))),
                    () -> r("choices", s("ab"), kw("cum_weights", ints(1, 3)), kw("k", i(3)))))
            .row("(random.seed(3), random.gauss(), random.gauss(10, 2), random.uniform(1, 2), random.expovariate(2))[1:]",
                seeded(i(3), () -> r("gauss"), () -> r("gauss", i(10), i(2)), () -> r("uniform", i(1), i(2)), () -> r("expovariate", i(2))))
            // random: errors
            .row("random.choice([])", () -> r("choice", ToyTesting.list()))
            .row("random.randrange(0)", () -> r("randrange", i(0)))
            .row("random.randrange(5, 2)", () -> r("randrange", i(5), i(2)))
            .row("random.randrange(1, 10, 0)", () -> r("randrange", i(1), i(10), i(0)))
            .row("random.randrange(1, 10, -1)", () -> r("randrange", i(1), i(10), i(-1)))
            .row("random.randrange(1.5)", () -> r("randrange", f(1.5)))
            .row("random.randint(5, 1)", () -> r("randint", i(5), i(1)))
            .row("random.sample([1, 2], 3)", () -> r("sample", ToyTesting.list(i(1), i(2)), i(3)))
            .row("random.sample({1: 2}, 1)", () -> r("sample", new org.toy.runtime.ToyDict(), i(1)))
            .row("random.choices([], k=2)", () -> r("choices", ToyTesting.list(), kw("k", i(2))))
            .row("random.choices([1, 2], [1], k=2)", () -> r("choices", ToyTesting.list(i(1), i(2)), ToyTesting.list(i(1)), kw("k", i(2))))
            .row("random.choices([1, 2], [0, 0])", () -> r("choices", ToyTesting.list(i(1), i(2)), ints(0, 0)))
            .row("random.uniform()", () -> r("uniform"))
            .row("random.uniform(1, 2, 3)", () -> r("uniform", i(1), i(2), i(3)))
            .row("random.shuffle()", () -> r("shuffle"))
            .row("random.seed([1])", () -> r("seed", ToyTesting.list(i(1))))
            .row("random.getrandbits(-1)", () -> r("getrandbits", i(-1)))
            .row("random.gauss(x=1)", () -> r("gauss", kw("x", i(1))))
            // sys
            .row("sys.exit(1, 2)", () -> call(sys, "exit", i(1), i(2)))
            .row("sys.exit()", () -> call(sys, "exit"))
            .row("sys.exit(None)", () -> call(sys, "exit", ToyNone.NONE))
            .row("sys.exit('bye')", () -> call(sys, "exit", s("bye")))
            .row("sys.setrecursionlimit(0)", () -> call(sys, "setrecursionlimit", i(0)))
            .row("sys.setrecursionlimit('a')", () -> call(sys, "setrecursionlimit", s("a")))
            .row("sys.setrecursionlimit()", () -> call(sys, "setrecursionlimit"))
            .row("sys.setswitchinterval(0)", () -> call(sys, "setswitchinterval", i(0)))
            .row("sys.setswitchinterval('a')", () -> call(sys, "setswitchinterval", s("a")))
            .row("sys.getswitchinterval(), sys.getrecursionlimit()", () -> tuple(call(sys, "getswitchinterval"), call(sys, "getrecursionlimit")))
            .row("sys.maxsize, sys.byteorder, sys.platform, sys.version_info[:2], sys.version[:4]",
                () -> tuple(sys.getAttr("maxsize"), sys.getAttr("byteorder"), sys.getAttr("platform"),
                    tuple(((ToyTuple) sys.getAttr("version_info")).items[0], ((ToyTuple) sys.getAttr("version_info")).items[1]), s(sys.getAttr("version").str().substring(0, 4))))
            .row("sys.stdout", () -> sys.getAttr("stdout"))
            .row("sys.stderr.mode, sys.stdin.mode, sys.stdout.name", () -> tuple(sys.getAttr("stderr").getAttr("mode"), sys.getAttr("stdin").getAttr("mode"), sys.getAttr("stdout").getAttr("name")))
            // time
            .row("time.sleep(-1)", () -> call(time, "sleep", i(-1)))
            .row("time.sleep('a')", () -> call(time, "sleep", s("a")))
            .row("time.sleep()", () -> call(time, "sleep"))
            .row("time.sleep(float('nan'))", () -> call(time, "sleep", f(Double.NaN)))
            .row("time.sleep(0)", () -> call(time, "sleep", i(0)))
            .row("time.time(1)", () -> call(time, "time", i(1)))
            .row("time.perf_counter(1)", () -> call(time, "perf_counter", i(1)))
            .row("os.getpid(1)", () -> call(os, "getpid", i(1)))
            .row("os.cpu_count(1)", () -> call(os, "cpu_count", i(1)))
            .row("sys.getrecursionlimit(1)", () -> call(sys, "getrecursionlimit", i(1)))
            .row("random.random(1)", () -> r("random", i(1)))
            .row("random.getrandbits()", () -> r("getrandbits"))
            .row("math.floor()", () -> m("floor"))
            .row("math.gcd(x=1)", () -> m("gcd", kw("x", i(1))))
            .row("math.ldexp(1)", () -> m("ldexp", i(1)))
            .row("math.perm()", () -> m("perm"))
            .row("os.path.exists()", () -> p("exists"))
            .row("os.path.join()", () -> p("join"))
            .row("time.strftime('%Y-%m-%d %H:%M:%S %j %a %b %p %%', (2020, 2, 29, 13, 5, 9, 5, 60, 0))",
                () -> call(time, "strftime", s("%Y-%m-%d %H:%M:%S %j %a %b %p %%"), ints(2020, 2, 29, 13, 5, 9, 5, 60, 0)))
            // os and os.path
            .row("os.sep, os.linesep, os.name, os.path.sep", () -> tuple(os.getAttr("sep"), os.getAttr("linesep"), os.getAttr("name"), path.getAttr("sep")))
            .row("os.getenv()", () -> call(os, "getenv"))
            .row("os.getenv('NOPE_XYZ_TOY'), os.getenv('NOPE_XYZ_TOY', 5)", () -> tuple(call(os, "getenv", s("NOPE_XYZ_TOY")), call(os, "getenv", s("NOPE_XYZ_TOY"), i(5))))
            .row("os.remove('nope.txt')", () -> call(os, "remove", s("nope.txt")))
            .row("os.listdir('nope')", () -> call(os, "listdir", s("nope")))
            .row("os.path.join('a', '/b', 'c'), os.path.join('a/', 'b'), os.path.join('', 'x'), os.path.join('a')",
                () -> tuple(p("join", s("a"), s("/b"), s("c")), p("join", s("a/"), s("b")), p("join", s(""), s("x")), p("join", s("a"))))
            .row("os.path.splitext('a/b.c.d'), os.path.splitext('.bashrc'), os.path.splitext('a.b/c'), os.path.splitext('x..')",
                () -> tuple(p("splitext", s("a/b.c.d")), p("splitext", s(".bashrc")), p("splitext", s("a.b/c")), p("splitext", s("x.."))))
            .row("os.path.dirname('/a/b/'), os.path.dirname('/a'), os.path.dirname('a'), os.path.dirname('//x'), os.path.dirname('a//b')",
                () -> tuple(p("dirname", s("/a/b/")), p("dirname", s("/a")), p("dirname", s("a")), p("dirname", s("//x")), p("dirname", s("a//b"))))
            .row("os.path.basename('/a/b/'), os.path.basename('/a/b.txt'), os.path.split('/a/b')",
                () -> tuple(p("basename", s("/a/b/")), p("basename", s("/a/b.txt")), p("split", s("/a/b"))))
            .row("os.path.normpath('a/../b/./c//d/..'), os.path.normpath('/../x'), os.path.normpath('../../y'), os.path.normpath(''), os.path.normpath('//a')",
                () -> tuple(p("normpath", s("a/../b/./c//d/..")), p("normpath", s("/../x")), p("normpath", s("../../y")), p("normpath", s("")), p("normpath", s("//a"))))
            .row("os.path.abspath('/x/../y'), os.path.isabs('/x'), os.path.isabs('x')", () -> tuple(p("abspath", s("/x/../y")), p("isabs", s("/x")), p("isabs", s("x"))))
            .row("os.path.exists('/nonexistent-toy'), os.path.isdir('/'), os.path.isfile('/')", () -> tuple(p("exists", s("/nonexistent-toy")), p("isdir", s("/")), p("isfile", s("/"))))
            .check();
    }

    /** {@code range(n)} as a list, while the runtime's range type is on another branch. */
    private static ToyList range(int n) {
        ToyList l = new ToyList();
        for (int k = 0; k < n; k++) l.append(i(k));
        return l;
    }
}
