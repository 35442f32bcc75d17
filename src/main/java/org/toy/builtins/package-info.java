/**
 * The {@code builtins} module: print, len, sorted, open and the rest, one class per family.
 */
package org.toy.builtins;
