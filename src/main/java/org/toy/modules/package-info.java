/**
 * The importable built-in modules ({@code time os sys math random}), one class each;
 * {@link org.toy.modules.BuiltinModules} maps a module name to its factory. Each call builds a
 * fresh module for one interpreter, so per-interpreter state (random's generator, sys's settings)
 * never leaks between interpreters.
 */
package org.toy.modules;
