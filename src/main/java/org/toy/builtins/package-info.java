/**
 * The global built-ins (step "runtime" of the data flow): {@link org.toy.builtins.Builtins} assembles
 * the {@code builtins} module from one class per family of functions ({@code AggregateBuiltins},
 * {@code NumberBuiltins} ...), the iterator types ({@code enumerate}, {@code zip} ...) and the file
 * objects that {@code open()} returns.
 */
package org.toy.builtins;
