/*
 * Toy's tokens, following Python 3.11's lexical definition. The grammar is action-free:
 * INDENT/DEDENT, bracket matching and Python's tokenizer error messages live in IndentingLexer.
 */
lexer grammar ToyLexer;

options { superClass = IndentingLexer; }

tokens { INDENT, DEDENT }

// ---- keywords (Python's hard keywords; soft keywords are names) ----
FALSE    : 'False';
NONE     : 'None';
TRUE     : 'True';
AND      : 'and';
AS       : 'as';
ASSERT   : 'assert';
ASYNC    : 'async';
AWAIT    : 'await';
BREAK    : 'break';
CLASS    : 'class';
CONTINUE : 'continue';
DEF      : 'def';
DEL      : 'del';
ELIF     : 'elif';
ELSE     : 'else';
EXCEPT   : 'except';
FINALLY  : 'finally';
FOR      : 'for';
FROM     : 'from';
GLOBAL   : 'global';
IF       : 'if';
IMPORT   : 'import';
IN       : 'in';
IS       : 'is';
LAMBDA   : 'lambda';
NONLOCAL : 'nonlocal';
NOT      : 'not';
OR       : 'or';
PASS     : 'pass';
RAISE    : 'raise';
RETURN   : 'return';
TRY      : 'try';
WHILE    : 'while';
WITH     : 'with';
YIELD    : 'yield';

// ---- literals ----
// A string is one token, prefix and quotes included; AstBuilder decodes escapes and f-strings.
STRING
    : STRING_PREFIX? ( SHORT_STRING_SQ | SHORT_STRING_DQ | LONG_STRING_SQ | LONG_STRING_DQ )
    ;

// The same strings without their closing quotes. A complete string is always the longer match,
// so these win only when the closing quote is missing; IndentingLexer turns them into errors.
UNTERMINATED_STRING
    : STRING_PREFIX? ( '\'' SHORT_SQ_CHAR* | '"' SHORT_DQ_CHAR* )
    ;
UNTERMINATED_LONG_STRING
    : STRING_PREFIX? ( '\'\'\'' LONG_SQ_BODY ( '\'' | '\'\'' )? | '"""' LONG_DQ_BODY ( '"' | '""' )? )
    ;

NUMBER
    : DEC_INTEGER
    | '0' [xX] ( '_'? HEX_DIGIT )+
    | '0' [oO] ( '_'? [0-7] )+
    | '0' [bB] ( '_'? [01] )+
    | FLOAT_NUMBER
    ;

NAME : ID_START ID_CONTINUE* ;

// ---- operators and delimiters ----
LPAREN      : '(';
RPAREN      : ')';
LBRACK      : '[';
RBRACK      : ']';
LBRACE      : '{';
RBRACE      : '}';
DOT         : '.';
ELLIPSIS    : '...';
COMMA       : ',';
COLON       : ':';
SEMI        : ';';
ARROW       : '->';
WALRUS      : ':=';
ASSIGN      : '=';
PLUS        : '+';
MINUS       : '-';
STAR        : '*';
POWER       : '**';
SLASH       : '/';
FLOOR_DIV   : '//';
PERCENT     : '%';
AT          : '@';
AMPER       : '&';
PIPE        : '|';
CARET       : '^';
TILDE       : '~';
LSHIFT      : '<<';
RSHIFT      : '>>';
LT          : '<';
GT          : '>';
EQ          : '==';
NE          : '!=';
LE          : '<=';
GE          : '>=';
PLUS_EQ     : '+=';
MINUS_EQ    : '-=';
STAR_EQ     : '*=';
SLASH_EQ    : '/=';
FLOOR_DIV_EQ: '//=';
PERCENT_EQ  : '%=';
AT_EQ       : '@=';
AMPER_EQ    : '&=';
PIPE_EQ     : '|=';
CARET_EQ    : '^=';
LSHIFT_EQ   : '<<=';
RSHIFT_EQ   : '>>=';
POWER_EQ    : '**=';

// ---- layout ----
// A line break plus the next line's indentation; IndentingLexer turns it into NEWLINE/INDENT/DEDENT.
NEWLINE     : ( '\r'? '\n' | '\r' ) [ \t\f]* ;
LINE_JOIN   : '\\' ( '\r'? '\n' | '\r' ) -> skip;
WS          : [ \t\f]+ -> skip;
COMMENT     : '#' ~[\r\n]* -> skip;

// Anything else is one stray character: the parser reports it, the lexer never prints.
ERROR_CHAR  : . ;

// ---- fragments ----
fragment STRING_PREFIX : [rRuUbBfF] | [rR] [bBfF] | [bBfF] [rR] ;
fragment SHORT_SQ_CHAR : '\\' ( '\r\n' | . ) | ~[\\\r\n'] ;
fragment SHORT_DQ_CHAR : '\\' ( '\r\n' | . ) | ~[\\\r\n"] ;
fragment SHORT_STRING_SQ : '\'' SHORT_SQ_CHAR* '\'' ;
fragment SHORT_STRING_DQ : '"' SHORT_DQ_CHAR* '"' ;
// A triple-quoted body never contains its unescaped closing triple quote.
fragment LONG_SQ_BODY : ( ESC_PAIR | ~['\\] | '\'' ( ESC_PAIR | ~['\\] ) | '\'\'' ( ESC_PAIR | ~['\\] ) )* ;
fragment LONG_DQ_BODY : ( ESC_PAIR | ~["\\] | '"' ( ESC_PAIR | ~["\\] ) | '""' ( ESC_PAIR | ~["\\] ) )* ;
fragment LONG_STRING_SQ : '\'\'\'' LONG_SQ_BODY '\'\'\'' ;
fragment LONG_STRING_DQ : '"""' LONG_DQ_BODY '"""' ;
fragment ESC_PAIR : '\\' ( '\r\n' | . ) ;

fragment DEC_INTEGER : [1-9] ( '_'? [0-9] )* | '0' ( '_'? '0' )* ;
fragment DIGIT_PART : [0-9] ( '_'? [0-9] )* ;
fragment FLOAT_NUMBER : ( POINT_FLOAT | DIGIT_PART ) EXPONENT | POINT_FLOAT ;
fragment POINT_FLOAT : DIGIT_PART? '.' DIGIT_PART | DIGIT_PART '.' ;
fragment EXPONENT : [eE] [+-]? DIGIT_PART ;
fragment HEX_DIGIT : [0-9a-fA-F] ;

fragment ID_START : [\p{L}\p{Nl}_] ;
fragment ID_CONTINUE : [\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}] ;
