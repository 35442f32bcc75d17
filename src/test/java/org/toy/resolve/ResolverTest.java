package org.toy.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toy.ast.Module;
import org.toy.ast.Stmt;
import org.toy.parse.Parsing;
import org.toy.source.Source;
import org.toy.source.ToySyntaxError;

/** The scope pass against what CPython's symtable says for the same programs. */
class ResolverTest {

    private static Resolver.Resolution resolve(String code) {
        return Resolver.resolve(parse(code));
    }

    private static Module parse(String code) {
        return Parsing.parse(new Source("<test>", code));
    }

    private static Scope function(Resolver.Resolution r, Module m, int index) {
        return r.of(m.body().get(index));
    }

    @Test
    void assignmentAnywhereMakesANameLocal() {
        Module m = parse("def f():\n    print(x)\n    x = 1\n");
        Scope f = Resolver.resolve(m).of(m.body().get(0));
        assertEquals(Scope.Binding.LOCAL, f.binding("x"));
        assertEquals(Scope.Binding.GLOBAL_IMPLICIT, f.binding("print"));
    }

    @Test
    void superInAMethodGivesTheClassAnImplicitClassCell() {
        Module m = parse("class A:\n    def f(self):\n        return super().f()\n");
        Resolver.Resolution r = Resolver.resolve(m);
        Stmt.ClassDef a = (Stmt.ClassDef) m.body().get(0);
        assertEquals(List.of("__class__"), r.of(a).cellVars());
        assertEquals(List.of("__class__"), r.of(a.body().get(0)).freeVars());
        assertEquals("A.f", r.of(a.body().get(0)).qualName);
    }

    @Test
    void aClassRelaysAFreeVariableItAlsoBindsItself() {
        Module m = parse("def outer():\n    x = 1\n    class C:\n        x = 2\n        def get(self):\n"
                + "            return x\n    return C\n");
        Resolver.Resolution r = Resolver.resolve(m);
        Stmt.FunctionDef outer = (Stmt.FunctionDef) m.body().get(0);
        Stmt.ClassDef c = (Stmt.ClassDef) outer.body().get(1);
        assertEquals(Scope.Binding.CELL, r.of(outer).binding("x"));
        assertEquals(Scope.Binding.NAME, r.of(c).binding("x"), "the class body's own x is looked up by name");
        assertEquals(List.of("x"), r.of(c).freeVars(), "and the enclosing x is passed through to get");
        assertEquals(Scope.Binding.FREE, r.of(c.body().get(1)).binding("x"));
    }

    @Test
    void capturedLocalsBecomeCellsAndInnerUsesAreFree() {
        Module m = parse("def outer():\n    x = 1\n    def inner():\n        return x\n    return inner\n");
        Resolver.Resolution r = Resolver.resolve(m);
        Stmt.FunctionDef outer = (Stmt.FunctionDef) m.body().get(0);
        Scope outerScope = r.of(outer);
        Scope innerScope = r.of(outer.body().get(1));
        assertEquals(Scope.Binding.CELL, outerScope.binding("x"));
        assertEquals(List.of("x"), outerScope.cellVars());
        assertEquals(Scope.Binding.FREE, innerScope.binding("x"));
        assertEquals(List.of("x"), innerScope.freeVars());
        assertEquals("outer.<locals>.inner", innerScope.qualName);
    }

    @Test
    void freeVariablesPassThroughIntermediateFunctions() {
        Module m = parse("def a():\n    v = 1\n    def b():\n        def c():\n            return v\n"
                + "        return c\n    return b\n");
        Resolver.Resolution r = Resolver.resolve(m);
        Stmt.FunctionDef a = (Stmt.FunctionDef) m.body().get(0);
        Stmt.FunctionDef b = (Stmt.FunctionDef) a.body().get(1);
        assertEquals(Scope.Binding.CELL, r.of(a).binding("v"));
        assertEquals(Scope.Binding.FREE, r.of(b).binding("v"), "b relays v to c");
        assertEquals(Scope.Binding.FREE, r.of(b.body().get(0)).binding("v"));
    }

    @Test
    void globalAndNonlocalDeclarations() {
        Module m = parse("def f():\n    global g\n    g = 1\n    n = 0\n    def h():\n        nonlocal n\n"
                + "        n += 1\n    return h\n");
        Resolver.Resolution r = Resolver.resolve(m);
        Stmt.FunctionDef f = (Stmt.FunctionDef) m.body().get(0);
        assertEquals(Scope.Binding.GLOBAL_EXPLICIT, r.of(f).binding("g"));
        assertEquals(Scope.Binding.CELL, r.of(f).binding("n"));
        assertEquals(Scope.Binding.FREE, r.of(f.body().get(3)).binding("n"));
    }

    @Test
    void moduleNamesAreLookedUpByName() {
        Module m = parse("x = 1\nprint(x)\n");
        Scope top = Resolver.resolve(m).of(m);
        assertEquals(Scope.Binding.NAME, top.binding("x"));
    }

    @Test
    void comprehensionsHaveTheirOwnScope() {
        Module m = parse("def f(xs):\n    return [x * k for x in xs]\nk = 2\n");
        Resolver.Resolution r = Resolver.resolve(m);
        Stmt.FunctionDef f = (Stmt.FunctionDef) m.body().get(0);
        Stmt.Return ret = (Stmt.Return) f.body().get(0);
        Scope comp = r.of(ret.value());
        assertEquals(Scope.Binding.LOCAL, comp.binding("x"));
        assertEquals(Scope.Binding.GLOBAL_IMPLICIT, comp.binding("k"));
        assertEquals(List.of(".0", "x"), comp.localNames());
        assertEquals(Scope.Binding.LOCAL, r.of(f).binding("xs"), "the first iterable is evaluated outside");
    }

    @Test
    void parametersComeFirstInCPythonsOrder() {
        Module m = parse("def f(a, b=1, *args, c, d=2, **kw):\n    e = 1\n");
        Scope f = Resolver.resolve(m).of(m.body().get(0));
        assertEquals(List.of("a", "b", "c", "d", "args", "kw", "e"), f.localNames());
    }

    @Test
    void declarationErrorsUseCPythonsMessages() {
        assertMessage("nonlocal declaration not allowed at module level", "nonlocal x\n");
        assertMessage("no binding for nonlocal 'x' found", "def f():\n    nonlocal x\n");
        assertMessage("name 'x' is used prior to global declaration", "def f():\n    print(x)\n    global x\n");
        assertMessage("name 'x' is assigned to before global declaration", "def f():\n    x = 1\n    global x\n");
        assertMessage("name 'x' is parameter and global", "def f(x):\n    global x\n");
        assertMessage("duplicate argument 'a' in function definition", "def f(a, a):\n    pass\n");
    }

    private static void assertMessage(String message, String code) {
        ToySyntaxError e = assertThrows(ToySyntaxError.class, () -> resolve(code));
        assertEquals(message, e.getMessage());
        assertTrue(e.line() >= 0);
    }
}
