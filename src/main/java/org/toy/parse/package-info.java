/**
 * Step 2: the ANTLR glue. {@code IndentingLexer} turns newlines and indentation into NEWLINE/INDENT/DEDENT as Python's tokenizer does; {@code Parsing} turns source text into the {@code ast} tree or a {@code ToySyntaxError}.
 */
package org.toy.parse;
