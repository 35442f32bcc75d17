package org.toy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.toy.source.Source;

/**
 * Differential test: for each snippet, Toy's tree printed by {@link AstDump} must equal
 * CPython's {@code ast.dump(ast.parse(...))} with the {@code ctx} fields removed.
 * All snippets go to one python3 process; the test is skipped when python3 is missing.
 */
class CpythonAstTest {
    static final List<String> SNIPPETS = List.of(
            "x = 1\n",
            "a, *b = c\n",
            "a = b = c, d\n",
            "x += 1; y -= 2; z **= 3; w //= 4; v @= 5\n",
            "x: int = 5\ny: list\n",
            "del a, b[1], c.d\n",
            "del (a, b)\n",
            "global g, h\ndef f():\n    nonlocal q\n",
            "if a:\n    pass\nelif b:\n    x = 1\nelif c: y = 2\nelse:\n    z = 3\n",
            "while x < 10:\n    x += 1\n    if x: break\n    continue\nelse:\n    done()\n",
            "for i, (a, b) in enumerate(pairs):\n    print(i)\nelse:\n    pass\n",
            "for x in 1, 2, *rest:\n  pass\n",
            "try:\n    f()\nexcept ValueError as e:\n    raise X from e\nexcept (A, B):\n    pass\nexcept:\n    raise\nelse:\n    ok()\nfinally:\n    close()\n",
            "try:\n    pass\nfinally:\n    pass\n",
            "with a as b, c as d:\n    pass\nwith open(f) as (x, y): pass\nwith lock:\n  pass\n",
            "with (a as b, c):\n    pass\n",
            "import a.b.c as d, e\nfrom m import a as b, c\nfrom m import *\nfrom m import (x, y,)\nfrom . import z\nfrom ..p.q import r\n",
            "assert x, 'msg'\nassert y\n",
            "def f(a, b=1, *args, c, d=2, **kwargs):\n    return a\n",
            "def g(*, k): return\ndef h(a, b, *, c=1): pass\n",
            "@dec\n@dec2(1)\ndef f(): pass\n@c.d\nclass A(B, metaclass=M, **kw):\n    x = 1\n    def m(self): pass\n",
            "class E(Exception): pass\nclass F: pass\nclass G(): pass\n",
            "f(a, *b, c=1, **d)\nf(x for x in y)\nf(*a, *b, **c, **d)\nf(a)(b)[c].d\n",
            "lambda: 0\nlambda x, y=1, *a, k, **kw: x + y\nlambda *, k=2: k\n",
            "x if c else y if d else z\n",
            "a < b <= c == d != e > f >= g\na in b not in c is d is not e\n",
            "not a and b or c and not d\n",
            "a | b ^ c & d << e >> f + g - h * i / j // k % l @ m ** -n ** ~o\n",
            "-x ** 2\n+x\n~x\nnot not x\n",
            "a[1]\na[1:2]\na[::3]\na[1:2, 3]\na[:, ::, 1:]\na[x,]\na[()]\n",
            "[]\n()\n{}\n[1, 2, *a]\n(1,)\n(1, 2)\n{1, 2}\n{1: 2, **d, 3: 4}\n((x))\n",
            "[x for x in y if x if z for w in x]\n{x for x in y}\n{k: v for k, v in d.items()}\n(x for x in y)\n",
            "[lambda: x for x in y if (lambda: z)]\n",
            "1_000_000\n0x1F\n0o17\n0b101\n1e-3\n.5\n5.\n1_0.5e1_0\n0\n00\n1e400\n123456789012345678901234567890\n1.5e16\n0.0001\n0.00001\n",
            "'a' \"b\" '''c''' \"\"\"d\ne\"\"\"\n",
            "'\\n\\t\\\\\\'\\\"\\x41\\u00e9\\101\\0\\d\\N{BULLET}\\U0001F600'\n",
            "r'\\n\\d' R\"x\\\"\"\n",
            "b'abc\\x00\\xff\\n' rb'\\n' B'\"'\n",
            "'a' 'b'\nb'a' b'b'\n'it''s'\n",
            "f'x{a}y{b!r}z{c:>10}{d!s:{w}.{p}f}'\n",
            "f'{x}' 'lit' f'{y}'\n'a' f'b{c}d' 'e'\nf''\nf'{{}}{{x}}'\n",
            "F'{a}' rf'\\n{b}' fR'{c}' Rf'{d}'\n",
            "f'{x=}' f'{x = }' f'{x=!s}' f'{x=:>4}'\n",
            "f'{a[\"k\"]}{b:{c}}{d!a}{ {1: 2}[1] }{e,}'\n",
            "f'''{\nx\n+ y}'''\n",
            "x = 1 \\\n  + 2\nif (a and\n    b):\n  pass\n",
            "\n\n# comment\nx = 1  # trailing\n    # indented comment\n\nif x:\n\n    # c\n    y = 2\n\n\n",
            "if x:\n\tif y:\n\t\tpass\n\tz = 1\n",
            "x = 1",
            "if x:\n    pass",
            "a.b = c[d] = e\nx, y = y, x\n[a, b] = c\n(a, b), c = d\n",
            "True\nFalse\nNone\n",
            "print(*args, sep='', end='\\n')\n",
            "x = [\n    1,\n    2,\n]\n",
            "def f():\n    '''doc'''\n    return None\n",
            "raise\nraise E\nreturn\nreturn 1, 2\nreturn *a, b\n",
            "é = 1\nnaïve_var = 2\n",
            "a = 'é' '\\u20ac' '\\x7f\\x80\\xa0'\n",
            "x = 1; y = 2;\n",
            "if x: pass\nwhile y: pass\nfor a in b: pass\n",
            "s = f'{a!r:^{w}}'\n",
            "f(a)[b](c).d[e:f]\n",
            "x = (yield_) if a else (b)\n",
            "f(**{'a': 1})\nf(a=1, *b)\n",
            "(a)\n(a).b\n(-a) ** b\n",
            "0xFF + 0B11 + 0O7 + 0_0\n",
            "1 if 2 else 3\n"
    );

    @TestFactory
    Stream<DynamicTest> toyTreesEqualCpythonTrees(@TempDir Path dir) throws Exception {
        List<String> expected = cpythonDumps(dir);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < SNIPPETS.size(); i++) {
            String snippet = SNIPPETS.get(i);
            String want = expected.get(i);
            tests.add(DynamicTest.dynamicTest(i + ": " + snippet.lines().findFirst().orElse(""), () ->
                    assertEquals(want, AstDump.dump(Parsing.parse(new Source("t.py", snippet))), snippet)));
        }
        return tests.stream();
    }

    /** One python3 run for all snippets; each line of its output is one snippet's dump. */
    private static List<String> cpythonDumps(Path dir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", "-c",
                "import ast, re, sys\n"
                + "for p in sys.argv[1:]:\n"
                + "    src = open(p, encoding='utf-8', newline='').read()\n"
                + "    print(re.sub(r', ctx=(Load|Store|Del)\\(\\)', '', ast.dump(ast.parse(src))))\n"));
        for (int i = 0; i < SNIPPETS.size(); i++) {
            Path file = dir.resolve("s" + i + ".py");
            Files.writeString(file, SNIPPETS.get(i), StandardCharsets.UTF_8);
            command.add(file.toString());
        }
        Process python;
        try {
            python = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException missing) {
            assumeTrue(false, "python3 is not available");
            throw missing;
        }
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(python.waitFor(60, TimeUnit.SECONDS) && python.exitValue() == 0, "python3 failed: " + output);
        List<String> lines = output.lines().toList();
        assertEquals(SNIPPETS.size(), lines.size(), output);
        return lines;
    }
}
