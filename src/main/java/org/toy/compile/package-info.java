/**
 * Step 5: the compiler, from resolved syntax tree to immutable code objects, one per function, lambda and comprehension.
 */
package org.toy.compile;
