/**
 * Step 7: execution. {@code Interpreter} holds one interpreter's state, {@code ThreadState} one thread's, {@code EvalLoop} is the dispatch loop, {@code Calls} binds arguments, {@code Importer} finds modules, {@code Traceback} prints errors as CPython does.
 */
package org.toy.vm;
