/**
 * Step 8: the runtime values. {@code ToyObject} is the root, with Python's default behaviour as virtual methods (CPython's type slots); {@code Ops} is the abstract object layer; every built-in type is one class.
 */
package org.toy.runtime;
