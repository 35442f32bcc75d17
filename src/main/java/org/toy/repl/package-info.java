/**
 * The interactive prompt, a JLine 3 front end over one {@link org.toy.vm.Interpreter}; loaded only
 * when {@code toy} starts with no program and a terminal, so running a file never pays for JLine.
 * Start at {@link org.toy.repl.Repl}.
 */
package org.toy.repl;
