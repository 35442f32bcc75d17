package org.toy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.toy.ast.Expr;
import org.toy.ast.Stmt;
import org.toy.source.Source;
import org.toy.source.Span;
import org.toy.source.ToySyntaxError;

class FStringTest {
    private static Expr expr(String text) {
        return ((Stmt.ExprStmt) Parsing.parse(new Source("t.py", text)).body().get(0)).value();
    }

    private static String dump(String text) {
        return AstDump.dump(expr(text));
    }

    private static String error(String text) {
        return assertThrows(ToySyntaxError.class, () -> Parsing.parse(new Source("t.py", text))).getMessage();
    }

    @Test
    void literalAndFields() {
        assertEquals("JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='x'), conversion=-1), "
                + "Constant(value='b')])", dump("f'a{x}b'"));
    }

    @Test
    void conversions() {
        assertEquals("JoinedStr(values=[FormattedValue(value=Name(id='x'), conversion=114), "
                + "FormattedValue(value=Name(id='y'), conversion=115), FormattedValue(value=Name(id='z'), conversion=97)])",
                dump("f'{x!r}{y!s}{z!a}'"));
    }

    @Test
    void formatSpecsMayNestFields() {
        assertEquals("JoinedStr(values=[FormattedValue(value=Name(id='t'), conversion=-1, "
                + "format_spec=JoinedStr(values=[Constant(value='.2f')]))])", dump("f'{t:.2f}'"));
        assertEquals("JoinedStr(values=[FormattedValue(value=Name(id='n'), conversion=-1, "
                + "format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='w'), conversion=-1)]))])",
                dump("f'{n:>{w}}'"));
    }

    @Test
    void doubledBracesAreLiteral() {
        assertEquals("JoinedStr(values=[Constant(value='{x}')])", dump("f'{{x}}'"));
    }

    @Test
    void concatenationWithPlainStrings() {
        assertEquals("JoinedStr(values=[Constant(value='ab'), FormattedValue(value=Name(id='c'), conversion=-1), "
                + "Constant(value='d\\n')])", dump("'a' f'b{c}' 'd\\n'"));
    }

    @Test
    void selfDocumentingField() {
        assertEquals("JoinedStr(values=[Constant(value='x = '), FormattedValue(value=Name(id='x'), conversion=114)])",
                dump("f'{x = }'"));
    }

    @Test
    void innerExpressionsAreFullExpressions() {
        assertEquals("JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='d'), slice=Constant(value='k')), "
                + "conversion=-1), FormattedValue(value=Compare(left=Name(id='a'), ops=[NotEq()], "
                + "comparators=[Name(id='b')]), conversion=-1)])", dump("f\"{d['k']}{a != b}\""));
    }

    @Test
    void innerExpressionSpansPointIntoTheFile() {
        Expr.FString f = (Expr.FString) expr("x = 1\nf'ab{value + 1}'".lines().skip(1).findFirst().orElseThrow());
        Expr.FormattedValue v = (Expr.FormattedValue) f.parts().get(1);
        assertEquals(new Span(1, 5, 1, 14), v.value().span());
        Stmt.Assign a = (Stmt.Assign) Parsing.parse(new Source("t.py", "s = f'''\n  {name}'''\n")).body().get(0);
        Expr.FormattedValue w = (Expr.FormattedValue) ((Expr.FString) a.value()).parts().get(1);
        assertEquals(new Span(2, 3, 2, 7), w.value().span());
    }

    @Test
    void rawFStrings() {
        assertEquals("JoinedStr(values=[Constant(value='\\\\n'), FormattedValue(value=Name(id='x'), conversion=-1)])",
                dump("rf'\\n{x}'"));
    }

    @Test
    void errors() {
        assertEquals("f-string: empty expression not allowed", error("f'{}'"));
        assertEquals("f-string: single '}' is not allowed", error("f'}'"));
        assertEquals("f-string: expecting '}'", error("f'{a'"));
        assertEquals("f-string expression part cannot include a backslash", error("f'{a\\n}'"));
        assertEquals("f-string: invalid conversion character: expected 's', 'r', or 'a'", error("f'{a!x}'"));
        assertEquals("f-string expression part cannot include '#'", error("f'{a#}'"));
        assertEquals("f-string: invalid syntax", error("f'{a +}'"));
        assertEquals("f-string: expressions nested too deeply", error("f'{a:{b:{c}}}'"));
    }
}
