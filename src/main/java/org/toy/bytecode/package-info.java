/**
 * Step 6: the instruction set as data ({@code Opcode}, {@code OpInfo}), code objects ({@code Code}, {@code ExceptionTable}) and the disassembler behind {@code toy dis}.
 */
package org.toy.bytecode;
