package org.toy.bytecode;

import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyType;
import org.toy.source.Source;

/**
 * A compiled body — a module, a function, a lambda or a comprehension — as CPython's
 * {@code __code__}: immutable once built. A frame's slots are laid out as in CPython 3.11's
 * "localsplus": {@link #varNames} (parameters first), then {@link #cellVars}, then
 * {@link #freeVars}, then the operand stack of at most {@link #maxStack} values.
 */
public final class Code extends ToyObject {
    public static final ToyType TYPE = new ToyType("code", ToyType.OBJECT);

    /** {@link #flags} bits, CPython's CO_VARARGS and CO_VARKEYWORDS. */
    public static final int VARARGS = 0x04;
    public static final int VARKEYWORDS = 0x08;

    public final String name;
    public final String qualName;
    public final Source source;
    public final int firstLine;
    public final int[] instructions;
    /** What the VM runs: {@link #instructions} with pairs fused into {@link Superinstructions}. */
    public final int[] quickened;
    /** The source line of each instruction (clox's parallel array). */
    public final int[] lines;
    public final ToyObject[] consts;
    /** Global, attribute and module names used by *_NAME, *_GLOBAL, *_ATTR and IMPORT_* instructions. */
    public final String[] names;
    /** The same names as interned Toy strings, so global lookups need no allocation. */
    public final ToyStr[] nameKeys;
    public final String[] varNames;
    public final String[] cellVars;
    public final String[] freeVars;
    /** For each cell variable, the parameter slot whose value starts in it, or -1. */
    public final int[] cellParameters;
    public final int argCount;
    public final int kwOnlyCount;
    public final int flags;
    public final int maxStack;
    public final ExceptionTable exceptionTable;
    /** Locals, cells and free variables: where a frame's operand stack starts. */
    private final int slotCount;
    /** LOAD_GLOBAL's inline caches, one per name (see {@link GlobalCache}). */
    public final GlobalCache[] globalCaches;

    public Code(String name, String qualName, Source source, int firstLine, int[] instructions, int[] lines,
                ToyObject[] consts, String[] names, String[] varNames, String[] cellVars, String[] freeVars,
                int argCount, int kwOnlyCount, int flags, int maxStack, ExceptionTable exceptionTable) {
        this.name = name;
        this.qualName = qualName;
        this.source = source;
        this.firstLine = firstLine;
        this.instructions = instructions;
        this.lines = lines;
        this.consts = consts;
        this.names = internAll(names); // attribute lookups by name then hit on identity
        this.nameKeys = new ToyStr[names.length];
        for (int i = 0; i < names.length; i++) nameKeys[i] = ToyStr.intern(names[i]);
        this.globalCaches = new GlobalCache[names.length];
        for (int i = 0; i < names.length; i++) globalCaches[i] = new GlobalCache();
        // Interned, as the keyword names of KW_NAMES are, so binding a keyword argument to its
        // parameter is an identity comparison.
        this.varNames = internAll(varNames);
        this.cellVars = cellVars;
        this.freeVars = freeVars;
        this.slotCount = varNames.length + cellVars.length + freeVars.length;
        this.argCount = argCount;
        this.kwOnlyCount = kwOnlyCount;
        this.flags = flags;
        this.maxStack = maxStack;
        this.exceptionTable = exceptionTable;
        this.quickened = Superinstructions.fuse(instructions, lines, exceptionTable);
        this.cellParameters = new int[cellVars.length];
        int params = argCount + kwOnlyCount + ((flags & VARARGS) != 0 ? 1 : 0) + ((flags & VARKEYWORDS) != 0 ? 1 : 0);
        for (int c = 0; c < cellVars.length; c++) {
            cellParameters[c] = -1;
            for (int p = 0; p < params; p++) {
                if (varNames[p].equals(cellVars[c])) cellParameters[c] = p;
            }
        }
    }

    private static String[] internAll(String[] strings) {
        String[] interned = new String[strings.length];
        for (int i = 0; i < strings.length; i++) interned[i] = strings[i].intern();
        return interned;
    }

    private String[][] keywordNames;

    /** The keyword names of a KW_NAMES constant (a tuple of str) as Java strings, converted once. */
    public String[] keywordNames(int constIndex) {
        String[][] cache = keywordNames;
        if (cache == null) keywordNames = cache = new String[consts.length][];
        String[] names = cache[constIndex];
        if (names == null) {
            org.toy.runtime.ToyTuple t = (org.toy.runtime.ToyTuple) consts[constIndex];
            names = new String[t.len()];
            for (int i = 0; i < names.length; i++) names[i] = t.get(i).str().intern();
            cache[constIndex] = names;
        }
        return names;
    }

    /** Slots before the operand stack: locals, cells and free variables. */
    public int slotCount() { return slotCount; }

    /** The name of a cell or free variable by LOAD_DEREF index. */
    public String derefName(int i) {
        return i < cellVars.length ? cellVars[i] : freeVars[i - cellVars.length];
    }

    public boolean hasVarargs() { return (flags & VARARGS) != 0; }

    public boolean hasVarKeywords() { return (flags & VARKEYWORDS) != 0; }

    @Override public ToyType type() { return TYPE; }

    @Override
    public String repr() {
        return "<code object " + name + " at 0x" + Long.toHexString(org.toy.runtime.Ops.id(this)) + ", file \""
                + source.name() + "\", line " + firstLine + ">";
    }
}
