package org.toy.bytecode;

/**
 * CPython 3.11's "zero-cost" exception handling: no instruction sets up a handler; instead each
 * code object lists the instruction ranges that are protected, where their handler starts, and
 * how deep the operand stack must be cut before the exception is pushed for the handler.
 * Entries are ordered innermost first, so the first match wins.
 */
public final class ExceptionTable {
    public static final ExceptionTable EMPTY = new ExceptionTable(new int[0]);

    /** Flattened entries: start (inclusive), end (exclusive), handler target, stack depth. */
    private final int[] entries;

    public ExceptionTable(int[] entries) { this.entries = entries; }

    public int size() { return entries.length / 4; }

    public int start(int i) { return entries[4 * i]; }
    public int end(int i) { return entries[4 * i + 1]; }
    public int target(int i) { return entries[4 * i + 2]; }
    public int depth(int i) { return entries[4 * i + 3]; }

    /** The index of the entry covering instruction {@code ip}, or -1. */
    public int find(int ip) {
        for (int i = 0; i < entries.length; i += 4) {
            if (ip >= entries[i] && ip < entries[i + 1]) return i / 4;
        }
        return -1;
    }
}
