/**
 * Step 4: Python's scoping as a separate pass, as CPython's symtable.c: which names are local, global, free or cell in every function, lambda and comprehension.
 */
package org.toy.resolve;
