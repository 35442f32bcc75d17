/**
 * Step 1 of the data flow (<b>source</b> → parse → ast → resolve → compile → bytecode → vm → runtime): program text and positions in it, and the syntax error every front-end step may raise.
 */
package org.toy.source;
