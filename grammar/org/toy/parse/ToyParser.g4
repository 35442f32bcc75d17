/*
 * Toy's syntax: Python 3.11's statements and expressions (no async, yield, walrus or match),
 * in the classic layered style of the Python 3 reference grammar. Binary operators are loops
 * rather than left recursion, so a long chain never builds a deep parse tree.
 * Some rules are deliberately looser than Python's (assignment targets are any expression,
 * parameter kinds in any order): AstBuilder checks them and reports CPython's specific messages.
 */
parser grammar ToyParser;

options { tokenVocab = ToyLexer; }

// ---- entry points ----
file_input : ( NEWLINE | stmt )* EOF ;
/** The inside of an f-string replacement field. */
fstring_expr : star_testlist EOF ;

// ---- statements ----
stmt : simple_stmts | compound_stmt ;
simple_stmts : simple_stmt ( ';' simple_stmt )* ';'? NEWLINE ;
simple_stmt
    : expr_stmt                                             # exprStmt
    | 'del' exprlist                                        # delStmt
    | 'pass'                                                # passStmt
    | 'break'                                               # breakStmt
    | 'continue'                                            # continueStmt
    | 'return' star_testlist?                               # returnStmt
    | 'raise' ( test ( 'from' test )? )?                    # raiseStmt
    | 'global' NAME ( ',' NAME )*                           # globalStmt
    | 'nonlocal' NAME ( ',' NAME )*                         # nonlocalStmt
    | 'assert' test ( ',' test )?                           # assertStmt
    | yield_expr                                            # yieldStmt
    | 'import' dotted_as_name ( ',' dotted_as_name )*       # importStmt
    | 'from' ( DOT | ELLIPSIS )* dotted_name 'import' import_targets   # fromImportStmt
    | 'from' ( DOT | ELLIPSIS )+ 'import' import_targets               # fromImportStmt
    ;
// One leading star_testlist, then the kind of statement: prediction never scans a whole expression.
expr_stmt
    : star_testlist
      ( ':' test ( '=' star_testlist )?         // annotated assignment
      | augassign star_testlist                 // augmented assignment
      | ( '=' star_testlist )*                  // assignment, or an expression statement
      )
    ;
augassign
    : '+=' | '-=' | '*=' | '@=' | '/=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>=' | '**=' | '//='
    ;
dotted_name : NAME ( '.' NAME )* ;
dotted_as_name : dotted_name ( 'as' NAME )? ;
import_targets
    : '*'
    | '(' import_as_name ( ',' import_as_name )* ','? ')'
    | import_as_name ( ',' import_as_name )*
    ;
import_as_name : NAME ( 'as' NAME )? ;

compound_stmt
    : 'if' test ':' block elif_clause* else_clause?                         # ifStmt
    | 'while' test ':' block else_clause?                                   # whileStmt
    | 'for' exprlist 'in' star_testlist ':' block else_clause?              # forStmt
    | 'try' ':' block ( except_clause+ else_clause? finally_clause? | finally_clause )   # tryStmt
    | 'with' '(' with_item ( ',' with_item )* ','? ')' ':' block            # withStmt
    | 'with' with_item ( ',' with_item )* ':' block                         # withStmt
    | decorator* funcdef                                                    # funcDefStmt
    | decorator* classdef                                                   # classDefStmt
    ;
elif_clause : 'elif' test ':' block ;
else_clause : 'else' ':' block ;
finally_clause : 'finally' ':' block ;
except_clause : 'except' ( test ( 'as' NAME )? )? ':' block ;
with_item : test ( 'as' expr )? ;
decorator : '@' test NEWLINE ;
funcdef : 'def' NAME '(' params? ')' ( '->' test )? ':' block ;
classdef : 'class' NAME ( '(' arglist? ')' )? ':' block ;
block : simple_stmts | NEWLINE INDENT stmt+ DEDENT ;

params : param ( ',' param )* ','? ;
param
    : NAME ( ':' test )? ( '=' test )?     # plainParam
    | '*' ( NAME ( ':' test )? )?          # starParam
    | '**' NAME ( ':' test )?              # doubleStarParam
    | '/'                                  # slashParam
    ;
lambda_params : lambda_param ( ',' lambda_param )* ','? ;
lambda_param
    : NAME ( '=' test )?                   # lambdaPlainParam
    | '*' NAME?                            # lambdaStarParam
    | '**' NAME                            # lambdaDoubleStarParam
    | '/'                                  # lambdaSlashParam
    ;

// ---- expressions ----
test
    : or_test ( 'if' or_test 'else' test )?
    | lambdef
    ;
test_nocond : or_test | lambdef_nocond ;
lambdef : 'lambda' lambda_params? ':' test ;
lambdef_nocond : 'lambda' lambda_params? ':' test_nocond ;
or_test : and_test ( 'or' and_test )* ;
and_test : not_test ( 'and' not_test )* ;
not_test : 'not' not_test | comparison ;
comparison : expr ( comp_op expr )* ;
comp_op : '<' | '>' | '==' | '>=' | '<=' | '!=' | 'in' | 'not' 'in' | 'is' | 'is' 'not' ;
star_expr : '*' expr ;
expr : xor_expr ( '|' xor_expr )* ;
xor_expr : and_expr ( '^' and_expr )* ;
and_expr : shift_expr ( '&' shift_expr )* ;
shift_expr : arith_expr ( ( '<<' | '>>' ) arith_expr )* ;
arith_expr : term ( ( '+' | '-' ) term )* ;
term : factor ( ( '*' | '@' | '/' | '%' | '//' ) factor )* ;
factor : ( '+' | '-' | '~' ) factor | power ;
power : atom_expr ( '**' factor )? ;
atom_expr : atom trailer* ;
atom
    : '(' ( yield_expr | testlist_comp )? ')'     # parenAtom
    | '[' testlist_comp? ']'                     # listAtom
    | '{' dictorsetmaker? '}'                    # braceAtom
    | NAME                                       # nameAtom
    | NUMBER                                     # numberAtom
    | STRING+                                    # stringAtom
    | '...'                                      # ellipsisAtom
    | 'None'                                     # noneAtom
    | 'True'                                     # trueAtom
    | 'False'                                    # falseAtom
    ;
yield_expr : 'yield' ( 'from' test | star_testlist )? ;
testlist_comp : ( test | star_expr ) ( comp_for | ( ',' ( test | star_expr ) )* ','? ) ;
trailer
    : '(' arglist? ')'          # callTrailer
    | '[' subscriptlist ']'     # subscriptTrailer
    | '.' NAME                  # attributeTrailer
    ;
subscriptlist : subscript ( ',' subscript )* ','? ;
subscript
    : star_expr
    | test ( ':' test? ( ':' test? )? )?
    | ':' test? ( ':' test? )?
    ;
exprlist : ( expr | star_expr ) ( ',' ( expr | star_expr ) )* ','? ;
/** Python's star_expressions: a tuple when there is a comma. */
star_testlist : ( test | star_expr ) ( ',' ( test | star_expr ) )* ','? ;
dictorsetmaker
    : dict_entry ( comp_for | ( ',' dict_entry )* ','? )
    | ( test | star_expr ) ( comp_for | ( ',' ( test | star_expr ) )* ','? )
    ;
dict_entry : test ':' test | '**' expr ;
arglist : argument ( ',' argument )* ','? ;
argument
    : NAME '=' test                     # keywordArgument
    | '**' test                         # doubleStarArgument
    | '*' test                          # starArgument
    | test ( comp_for | '=' test )?     # plainArgument
    ;
comp_for : 'for' exprlist 'in' or_test comp_iter? ;
comp_iter : comp_for | comp_if ;
comp_if : 'if' test_nocond comp_iter? ;
