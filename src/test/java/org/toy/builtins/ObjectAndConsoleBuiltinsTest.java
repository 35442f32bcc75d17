package org.toy.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.toy.builtins.ToyTesting.assertRaises;
import static org.toy.builtins.ToyTesting.i;
import static org.toy.builtins.ToyTesting.kw;
import static org.toy.builtins.ToyTesting.s;

import org.junit.jupiter.api.Test;
import org.toy.modules.BuiltinModules;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;

/** The builtins module's contents, attribute built-ins, print, input and exit. */
class ObjectAndConsoleBuiltinsTest {
    private final ToyTesting t = new ToyTesting("first line\nsecond\n");

    @Test
    void publishesTypesAndEveryExceptionType() {
        for (ToyType e : ExceptionTypes.all()) assertSame(e, t.fn(e.name()));
        assertSame(ToyType.TYPE, t.fn("type"));
        assertSame(ToyType.OBJECT, t.fn("object"));
        assertEquals("NotImplemented", t.fn("NotImplemented").repr());
        assertEquals("<built-in function len>", t.fn("len").repr());
    }

    @Test
    void setattrAndDelattrOnAnObjectWithAttributes() {
        ToyObject e = t.callObject(t.fn("ValueError"), s("m"));
        t.call("setattr", e, s("note"), i(5));
        assertEquals("5", t.call("getattr", e, s("note")).repr());
        assertEquals("True", t.call("hasattr", e, s("note")).repr());
    }

    @Test
    void idIsStableAndDistinct() {
        ToyObject a = ToyTesting.list(), b = ToyTesting.list();
        assertEquals(t.call("id", a).repr(), t.call("id", a).repr());
        assertTrue(!t.call("id", a).repr().equals(t.call("id", b).repr()));
    }

    @Test
    void printWritesStrOfEachArgumentWithSepAndEnd() {
        t.call("print", s("a"), i(1), ToyNone.NONE);
        t.call("print", s("x"), s("y"), kw("sep", s("-")), kw("end", s("!\n")));
        t.call("print");
        t.call("print", s("n"), kw("sep", ToyNone.NONE), kw("end", ToyNone.NONE), kw("flush", ToyTesting.TRUE));
        assertEquals("a 1 None\nx-y!\n\nn\n", t.stdout());
    }

    @Test
    void printToSysStderrAndToSysStdoutReplaced() {
        ToyModule sys = BuiltinModules.create("sys", t.interp);
        t.interp.modules().put("sys", sys);
        t.call("print", s("err"), kw("file", sys.getAttr("stderr")));
        assertEquals("err\n", t.stderr());
        sys.setAttr("stdout", sys.getAttr("stderr"));
        t.call("print", s("moved"));
        assertEquals("err\nmoved\n", t.stderr());
        assertEquals("", t.stdout());
    }

    @Test
    void inputShowsThePromptAndStripsTheNewline() {
        assertEquals("'first line'", t.call("input", s("> ")).repr());
        assertEquals("'second'", t.call("input").repr());
        assertEquals("> ", t.stdout());
        assertRaises("EOFError: EOF when reading a line", () -> t.call("input"));
    }

    @Test
    void exitAndQuitRaiseSystemExitWithTheCode() {
        ToyError e = org.junit.jupiter.api.Assertions.assertThrows(ToyError.class, () -> t.call("exit", i(3)));
        ToyException x = e.exception;
        assertSame(ExceptionTypes.SYSTEM_EXIT, x.type());
        assertEquals("3", x.getAttr("code").repr());
        assertEquals("(None,)", ((ToyTuple) org.junit.jupiter.api.Assertions.assertThrows(ToyError.class,
                () -> t.call("quit")).exception.args()).repr());
        assertEquals("Use quit() or Ctrl-D (i.e. EOF) to exit", t.fn("quit").repr());
    }
}
