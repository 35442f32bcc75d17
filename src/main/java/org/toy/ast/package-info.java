/**
 * Step 3 of the data flow (source → parse → <b>ast</b> → resolve → compile → bytecode → vm → runtime):
 * the immutable syntax tree. Records mirror CPython's {@code ast} module so {@code python3 -c "import ast; print(ast.dump(...))"}
 * can be read beside them.
 */
package org.toy.ast;
