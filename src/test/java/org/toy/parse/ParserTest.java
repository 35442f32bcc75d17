package org.toy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.toy.ast.Expr;
import org.toy.ast.Module;
import org.toy.ast.Params;
import org.toy.ast.Stmt;
import org.toy.source.Source;
import org.toy.source.Span;
import org.toy.source.ToySyntaxError;

/**
 * Constructs to trees, spans, and error messages. The differential tests (CpythonAstTest,
 * CpythonSyntaxErrorTest) cover breadth when python3 is present; these pin the essentials without it.
 */
class ParserTest {
    private static Module parse(String text) {
        return Parsing.parse(new Source("t.py", text));
    }

    private static String dump(String text) {
        return AstDump.dump(parse(text));
    }

    /** The dump of a one-expression program's expression. */
    private static String expr(String text) {
        return AstDump.dump(((Stmt.ExprStmt) parse(text).body().get(0)).value());
    }

    private static ToySyntaxError error(String text) {
        return assertThrows(ToySyntaxError.class, () -> parse(text));
    }

    private static void assertError(String kind, String message, int line, int col, String text) {
        ToySyntaxError e = error(text);
        assertEquals(kind + ": " + message + " @" + line + ":" + col,
                e.kind() + ": " + e.getMessage() + " @" + e.line() + ":" + e.col(), text);
    }

    // ---- constructs ----

    @Test
    void assignments() {
        assertEquals("Module(body=[Assign(targets=[Tuple(elts=[Name(id='a'), Starred(value=Name(id='b'))])], "
                + "value=Name(id='c'))], type_ignores=[])", dump("a, *b = c\n"));
        assertEquals("Module(body=[AugAssign(target=Name(id='x'), op=FloorDiv(), value=Constant(value=2))], "
                + "type_ignores=[])", dump("x //= 2"));
        assertEquals("Module(body=[AnnAssign(target=Name(id='x'), annotation=Name(id='int'), value=Constant(value=1), "
                + "simple=1)], type_ignores=[])", dump("x: int = 1\n"));
    }

    @Test
    void operatorsAndPrecedence() {
        assertEquals("BinOp(left=Constant(value=1), op=Add(), right=BinOp(left=Constant(value=2), op=Mult(), "
                + "right=Constant(value=3)))", expr("1 + 2 * 3"));
        assertEquals("UnaryOp(op=USub(), operand=BinOp(left=Name(id='x'), op=Pow(), right=Constant(value=2)))",
                expr("-x ** 2"));
        assertEquals("Compare(left=Name(id='a'), ops=[Lt(), NotIn(), IsNot()], comparators=[Name(id='b'), "
                + "Name(id='c'), Name(id='d')])", expr("a < b not in c is not d"));
        assertEquals("IfExp(test=Name(id='c'), body=Name(id='x'), orelse=Name(id='y'))", expr("x if c else y"));
        assertEquals("BoolOp(op=Or(), values=[BoolOp(op=And(), values=[Name(id='a'), Name(id='b')]), "
                + "UnaryOp(op=Not(), operand=Name(id='c'))])", expr("a and b or not c"));
    }

    @Test
    void subscriptsAndSlices() {
        assertEquals("Subscript(value=Name(id='a'), slice=Tuple(elts=[Slice(lower=Constant(value=1), "
                + "upper=Constant(value=2)), Constant(value=3)]))", expr("a[1:2, 3]"));
        assertEquals("Subscript(value=Name(id='a'), slice=Slice(step=Constant(value=2)))", expr("a[::2]"));
    }

    @Test
    void callsWithStarsAndKeywords() {
        assertEquals("Call(func=Name(id='f'), args=[Name(id='a'), Starred(value=Name(id='b'))], "
                + "keywords=[keyword(arg='c', value=Constant(value=1)), keyword(value=Name(id='d'))])",
                expr("f(a, *b, c=1, **d)"));
        assertEquals("Call(func=Name(id='f'), args=[GeneratorExp(elt=Name(id='x'), generators=[comprehension("
                + "target=Name(id='x'), iter=Name(id='y'), ifs=[], is_async=0)])], keywords=[])",
                expr("f(x for x in y)"));
    }

    @Test
    void functionParameters() {
        Stmt.FunctionDef f = (Stmt.FunctionDef) parse("def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int: pass\n")
                .body().get(0);
        Params p = f.params();
        assertEquals(3, p.positional().size());
        assertEquals("args", p.varargs());
        assertEquals("d", p.kwOnly().get(0).name());
        assertEquals(null, p.kwOnly().get(0).defaultValue());
        assertInstanceOf(Expr.IntLit.class, p.kwOnly().get(1).defaultValue());
        assertEquals("kw", p.kwargs());
        Stmt.FunctionDef g = (Stmt.FunctionDef) parse("def g(x: int, *, y: str = 'a'): pass\n").body().get(0);
        assertEquals(null, g.params().varargs());
        assertEquals("y", g.params().kwOnly().get(0).name());
    }

    @Test
    void classesAndDecorators() {
        Stmt.ClassDef c = (Stmt.ClassDef) parse("@d\nclass A(B, metaclass=M):\n    x = 1\n").body().get(0);
        assertEquals("A", c.name());
        assertEquals(1, c.bases().size());
        assertEquals("metaclass", c.keywords().get(0).name());
        assertEquals(1, c.decorators().size());
        assertEquals(new Span(2, 0, 3, 9), c.span());      // starts at 'class', not at the decorator
    }

    @Test
    void compoundStatements() {
        assertEquals("Module(body=[If(test=Name(id='a'), body=[Pass()], orelse=[If(test=Name(id='b'), body=[Break()], "
                + "orelse=[Continue()])])], type_ignores=[])", dump("if a: pass\nelif b: break\nelse: continue\n"));
        assertEquals("Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E'), name='e', "
                + "body=[Raise(exc=Name(id='X'), cause=Name(id='e'))])], orelse=[], finalbody=[Pass()])], "
                + "type_ignores=[])", dump("try:\n  pass\nexcept E as e:\n  raise X from e\nfinally:\n  pass\n"));
        assertEquals("Module(body=[With(items=[withitem(context_expr=Name(id='a'), optional_vars=Name(id='b')), "
                + "withitem(context_expr=Name(id='c'), optional_vars=Name(id='d'))], body=[Pass()])], type_ignores=[])",
                dump("with a as b, c as d:\n    pass\n"));
    }

    @Test
    void simpleStatements() {
        assertEquals("Module(body=[Import(names=[alias(name='a.b', asname='c')]), ImportFrom(module='m', "
                + "names=[alias(name='a', asname='b'), alias(name='c')], level=0), ImportFrom(module='m', "
                + "names=[alias(name='*')], level=0), ImportFrom(module='m', names=[alias(name='x'), alias(name='y')], "
                + "level=0)], type_ignores=[])",
                dump("import a.b as c\nfrom m import a as b, c\nfrom m import *\nfrom m import (x, y)\n"));
        assertEquals("Module(body=[Delete(targets=[Name(id='a'), Subscript(value=Name(id='b'), slice=Constant(value=1))]), "
                + "Global(names=['g']), Assert(test=Name(id='x'), msg=Constant(value='m')), Pass(), Pass()], type_ignores=[])",
                dump("del a, b[1]\nglobal g\nassert x, 'm'\npass; pass;\n"));
    }

    @Test
    void numbers() {
        assertEquals(BigInteger.valueOf(1_000_000), ((Expr.IntLit) expr0("1_000_000")).value());
        assertEquals(BigInteger.valueOf(31), ((Expr.IntLit) expr0("0x1F")).value());
        assertEquals(BigInteger.valueOf(15), ((Expr.IntLit) expr0("0o17")).value());
        assertEquals(BigInteger.valueOf(5), ((Expr.IntLit) expr0("0b101")).value());
        assertEquals(new BigInteger("123456789012345678901234567890"), ((Expr.IntLit) expr0("123456789012345678901234567890")).value());
        assertEquals(1e-3, ((Expr.FloatLit) expr0("1e-3")).value());
        assertEquals(0.5, ((Expr.FloatLit) expr0(".5")).value());
        assertEquals(5.0, ((Expr.FloatLit) expr0("5.")).value());
        assertEquals(10.5e10, ((Expr.FloatLit) expr0("1_0.5e1_0")).value());
    }

    private static Expr expr0(String text) {
        return ((Stmt.ExprStmt) parse(text).body().get(0)).value();
    }

    @Test
    void stringsAndEscapes() {
        assertEquals("a\n\t\\'\"Aé\u0041\0\\d", ((Expr.StrLit) expr0("'a\\n\\t\\\\\\'\\\"\\x41\\u00e9\\101\\0\\d'")).value());
        assertEquals("\\n", ((Expr.StrLit) expr0("r'\\n'")).value());
        assertEquals("ab", ((Expr.StrLit) expr0("'a' \"b\"")).value());
        assertEquals("l1\nl2", ((Expr.StrLit) expr0("'''l1\nl2'''")).value());
        assertEquals("•", ((Expr.StrLit) expr0("'\\N{BULLET}'")).value());
        byte[] bytes = ((Expr.BytesLit) expr0("b'A\\xff' b'\\n'")).value();
        assertEquals(3, bytes.length);
        assertEquals((byte) 0xff, bytes[1]);
        assertInstanceOf(Expr.FString.class, expr0("f'{x}' 'y'"));
        assertEquals("SyntaxError: cannot mix bytes and nonbytes literals @1:12",
                describe(error("x = 'a' b'c'\n")));
    }

    // ---- spans ----

    @Test
    void statementAndCallSpans() {
        Module m = parse("x = 1\nif x:\n    f(a,\n      b)\nelse:\n    pass\n");
        assertEquals(new Span(1, 0, 1, 5), m.body().get(0).span());
        Stmt.If ifStmt = (Stmt.If) m.body().get(1);
        assertEquals(new Span(2, 0, 6, 8), ifStmt.span());
        Stmt.ExprStmt call = (Stmt.ExprStmt) ifStmt.body().get(0);
        assertEquals(new Span(3, 4, 4, 8), call.span());
        assertEquals(new Span(3, 4, 4, 8), call.value().span());
        Expr.Call c = (Expr.Call) call.value();
        assertEquals(new Span(4, 6, 4, 7), c.args().get(1).span());
    }

    @Test
    void expressionSpans() {
        Expr.BinOp add = (Expr.BinOp) expr0("a + b * c");
        assertEquals(new Span(1, 0, 1, 9), add.span());
        assertEquals(new Span(1, 4, 1, 9), add.right().span());
        Expr.Attribute attr = (Expr.Attribute) expr0("obj.method");
        assertEquals(new Span(1, 0, 1, 10), attr.span());
        assertEquals(new Span(1, 0, 1, 6), ((Expr.TupleExpr) expr0("(1, 2)")).span());
        assertEquals(new Span(1, 0, 2, 5), expr0("'''a\nbc'''").span());
    }

    // ---- errors ----

    private static String describe(ToySyntaxError e) {
        return e.kind() + ": " + e.getMessage() + " @" + e.line() + ":" + e.col();
    }

    @Test
    void cpythonMessages() {
        assertError("SyntaxError", "invalid syntax", 1, 4, "x = = 1\n");
        assertError("SyntaxError", "expected ':'", 1, 4, "if x\n    pass\n");
        assertError("SyntaxError", "unterminated string literal (detected at line 1)", 1, 4, "x = 'abc\n");
        assertError("SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 4, "x = '''abc\n\n");
        assertError("SyntaxError", "'(' was never closed", 1, 4, "x = (1,\n2\ny = 3\n");
        assertError("SyntaxError", "unmatched ')'", 1, 5, "x = 1)\n");
        assertError("SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 6, "x = (1]\n");
        assertError("SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 0, "1 = x\n");
        assertError("SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 0,
                "f() = 1\n");
        assertError("SyntaxError", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 0,
                "a + 1 = 2\n");
        assertError("SyntaxError", "cannot delete function call", 1, 4, "del f()\n");
        assertError("SyntaxError", "'tuple' is an illegal expression for augmented assignment", 1, 0, "a, b += 1\n");
        assertError("SyntaxError", "positional argument follows keyword argument", 1, 7, "f(a=1, b)\n");
        assertError("SyntaxError", "non-default argument follows default argument", 1, 11, "def f(a=1, b): pass\n");
        assertError("SyntaxError", "named arguments must follow bare *", 1, 6, "def f(*): pass\n");
        assertError("SyntaxError", "f-string: single '}' is not allowed", 1, 8, "x = f'}'\n");
    }

    @Test
    void indentationMessages() {
        assertError("IndentationError", "unexpected indent", 2, 1, "x = 1\n  y = 2\n");
        assertError("IndentationError", "expected an indented block after 'if' statement on line 1", 2, 0, "if x:\npass\n");
        assertError("IndentationError", "expected an indented block after function definition on line 2", 3, 0,
                "\ndef f():\nreturn\n");
        assertError("IndentationError", "expected an indented block after class definition on line 1", 2, 0,
                "class A:\nx = 1\n");
        assertError("IndentationError", "expected an indented block after 'elif' statement on line 3", 4, 0,
                "if a:\n  b\nelif c:\nd\n");
        assertError("IndentationError", "expected an indented block after 'with' statement on line 1", 2, 0,
                "with a:\nb\n");
        assertError("IndentationError", "unindent does not match any outer indentation level", 3, 5,
                "if x:\n    y=1\n  z=2\n");
        assertError("TabError", "inconsistent use of tabs and spaces in indentation", 3, 0,
                "if x:\n\ty=1\n        z=2\n");
    }

    @Test
    void deepNestingIsASyntaxErrorNotAStackOverflow() {
        String deep = "(".repeat(5000) + ")".repeat(5000) + "\n";
        assertError("SyntaxError", "too many nested parentheses", 1, 200, deep);
        // Within the limit, nesting parses.
        String ok = "x = " + "(".repeat(199) + "1" + ")".repeat(199) + "\n";
        assertInstanceOf(Stmt.Assign.class, parse(ok).body().get(0));
    }

    @Test
    void longOperatorChainsDoNotOverflowTheStack() {
        Module m = parse("x = " + "-".repeat(20_000) + "1\n");
        assertInstanceOf(Expr.UnaryOp.class, ((Stmt.Assign) m.body().get(0)).value());
        Module sum = parse("x = " + "1 + ".repeat(50_000) + "1\n");
        assertInstanceOf(Expr.BinOp.class, ((Stmt.Assign) sum.body().get(0)).value());
    }

    @Test
    void randomBytesGiveOnlySyntaxErrors() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            byte[] bytes = new byte[1 + random.nextInt(80)];
            random.nextBytes(bytes);
            String text = round % 2 == 0 ? new String(bytes, StandardCharsets.ISO_8859_1)
                    : new String(bytes, StandardCharsets.UTF_8);
            try {
                parse(text);
            } catch (ToySyntaxError expected) {
                assertTrue(expected.line() >= 1, text);
            } catch (RuntimeException | StackOverflowError e) {
                fail("input " + round + " threw " + e, e);
            }
        }
        assertError("SyntaxError", "invalid non-printable character U+0001", 1, 4, "x = \u0001\n");
    }

    @Test
    void randomProgramFragmentsGiveOnlySyntaxErrors() {
        String[] pieces = {"if", "x", ":", "\n", "    ", "(", ")", "[", "]", "{", "}", "=", "'", "\"", "f'{", "}",
            "def", "lambda", ",", "*", "**", "1", ".", "\\", "#", "\t", "else", "for", "in", "not", "is", "'''"};
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(25);
            for (int i = 0; i < n; i++) text.append(pieces[random.nextInt(pieces.length)]).append(' ');
            try {
                parse(text.toString());
            } catch (ToySyntaxError expected) {
                // fine
            } catch (RuntimeException | StackOverflowError e) {
                fail("input '" + text + "' threw " + e, e);
            }
        }
    }

    @Test
    void aHundredThousandLinesParse() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 25_000; i++) {
            text.append("def f").append(i).append("(a, b=2):\n")
                    .append("    if a < b:\n")
                    .append("        return [x * 2 for x in range(a)]\n")
                    .append("    return f'{a!r:>{b}}'\n");
        }
        Module m = parse(text.toString());
        assertEquals(25_000, m.body().size());
    }
}
