/*
 * herd7's cat language: memory models (.cat) and their bell companions (.bell).
 *
 * Written from herd's own description of the language; operator precedence and
 * associativity follow herd's model parser exactly (loosest first):
 *
 *   |  (right)   ++ (right)   ;  (right)   \  (left)   &  (right)
 *   binary * (cartesian product, non-associative)
 *   prefix ~     postfix * + ?     postfix ^-1
 *
 * Application (f x, f(x, y)) binds tighter than every operator and only has a name as
 * its head. Identifiers may contain '-' and '.' (po-loc, A-cumul): difference is '\'.
 *
 * Action-free; every form the AST builder needs to tell apart is a labelled alternative.
 */
grammar Cat;

// ================================================================ files and statements

catModel
    : modelHeader? modelOption* statement* EOF
    ;

// "Linux-kernel memory consistency model", or a bare name (Cross), or both.
modelHeader
    : STRING
    | IDENT (IDENT | STRING)?
    ;

// herd's model options, e.g. cos-opt.cat starts with "Generate co's" withoutco
modelOption
    : WITHCO | WITHOUTCO | WITHINIT | WITHOUTINIT | WITHSC | WITHOUTSC
    ;

statement
    : LET REC? binding (AND binding)*                                  # letStmt
    | checkFlavour? TILDE? checkKind expr (AS name=IDENT)?              # checkStmt
    | SHOW expr AS IDENT                                                # showAsStmt
    | (SHOW | UNSHOW) IDENT (COMMA IDENT)*                              # showStmt
    | INCLUDE STRING                                                    # includeStmt
    | ENUM IDENT EQUAL ALT? TAG (ALT TAG)*                              # enumStmt
    | INSTRUCTIONS IDENT LBRACKET argList? RBRACKET                     # instructionsStmt
    | PROCEDURE IDENT LPAREN formals? RPAREN EQUAL statement* END       # procedureStmt
    | PROCEDURE IDENT pattern EQUAL statement* END                      # curriedProcedureStmt
    | CALL IDENT simple (AS IDENT)?                                     # callStmt
    | WITH IDENT FROM expr                                              # withStmt
    | IF condition THEN? thenBranch=statementList (ELSE elseBranch=statementList)? END  # ifStmt
    ;

statementList
    : statement*
    ;

checkFlavour
    : FLAG
    | UNDEFINED_UNLESS
    ;

checkKind
    : ACYCLIC
    | IRREFLEXIVE
    | EMPTY_KW
    ;

// let x = e;  let f(a, b) = e;  let f a = e (curried, one parameter)
binding
    : IDENT EQUAL expr                                                  # valueBinding
    | IDENT LPAREN formals? RPAREN EQUAL expr                           # functionBinding
    | IDENT pattern EQUAL expr                                          # curriedBinding
    ;

formals
    : pattern (COMMA pattern)*
    ;

// A parameter: a name, or _ for one that is ignored.
pattern
    : IDENT
    | UNDERSCORE
    ;

// ================================================================ expressions

expr
    : LET REC? binding (AND binding)* IN expr                           # letInExpr
    | FUN pattern ARROW expr                                            # funExpr
    | FUN LPAREN formals? RPAREN ARROW expr                             # funTupleExpr
    | TRY expr WITH expr                                                # tryExpr
    | IF condition THEN expr ELSE expr                                  # ifExpr
    | MATCH expr WITH ALT? matchClause (ALT matchClause)* END           # matchExpr
    | base (COMMA base)*                                                # baseOrTupleExpr
    ;

// if "variant" then ...; herd also compares sets: if a = b, a subset b, a in b.
condition
    : STRING                                                            # variantCondition
    | left=expr op=(EQUAL | SUBSET | IN) right=expr                     # compareCondition
    ;

// Tag matches (|| 'tag -> e || _ -> e) and set matches (|| {} -> e || x ++ rest -> e).
matchClause
    : TAG ARROW expr                                                    # tagClause
    | UNDERSCORE ARROW expr                                             # defaultClause
    | LBRACE RBRACE ARROW expr                                          # emptySetClause
    | element=pattern PLUSPLUS rest=pattern ARROW expr                  # elementClause
    ;

// Alternatives from the tightest to the loosest binding.
base
    : simple                                                            # simpleBase
    | IDENT argument*                                                   # applicationBase
    | base HAT INV                                                      # inverseBase
    | base op=(STAR | PLUS | QUESTION)                                  # postfixBase
    | TILDE base                                                        # complementBase
    | base STAR base                                                    # cartesianBase
    | <assoc=right> base INTER base                                     # interBase
    | base DIFF base                                                    # diffBase
    | <assoc=right> base SEMI base                                      # seqBase
    | <assoc=right> base PLUSPLUS base                                  # addBase
    | <assoc=right> base UNION base                                     # unionBase
    ;

argument
    : IDENT
    | simple
    ;

simple
    : EMPTY_SET                                                         # emptySimple
    | TAG                                                               # tagSimple
    | UNDERSCORE                                                        # universeSimple
    | LBRACE argList? RBRACE                                            # setSimple
    | LPAREN RPAREN                                                     # unitSimple
    | LPAREN expr RPAREN                                                # parenSimple
    | BEGIN expr END                                                    # beginEndSimple
    | LBRACKET expr RBRACKET                                            # bracketSimple
    ;

argList
    : base (COMMA base)*
    ;

// ================================================================ lexer

WS          : [ \t\r\n]+ -> skip ;
COMMENT     : '(*' (COMMENT | .)*? '*)' -> skip ;
LINE_COMMENT: ('//' | '#') ~[\r\n]* -> skip ;

LET         : 'let' ;
REC         : 'rec' ;
AND         : 'and' ;
IN          : 'in' ;
AS          : 'as' ;
FUN         : 'fun' ;
TRY         : 'try' ;
WITH        : 'with' ;
FROM        : 'from' ;
IF          : 'if' ;
THEN        : 'then' ;
ELSE        : 'else' ;
MATCH       : 'match' ;
BEGIN       : 'begin' ;
END         : 'end' ;
ACYCLIC     : 'acyclic' ;
IRREFLEXIVE : 'irreflexive' ;
EMPTY_KW    : 'empty' ;
FLAG        : 'flag' ;
UNDEFINED_UNLESS : 'undefined_unless' ;
SHOW        : 'show' ;
UNSHOW      : 'unshow' ;
INCLUDE     : 'include' ;
ENUM        : 'enum' ;
INSTRUCTIONS: 'instructions' ;
PROCEDURE   : 'procedure' ;
CALL        : 'call' ;
SUBSET      : 'subset' ;
WITHCO      : 'withco' ;
WITHOUTCO   : 'withoutco' ;
WITHINIT    : 'withinit' ;
WITHOUTINIT : 'withoutinit' ;
WITHSC      : 'withsc' ;
WITHOUTSC   : 'withoutsc' ;

// Names as herd lexes them: an optional leading '_', a letter, then letters, digits,
// '_', '.', '-', and an optional trailing quote.
IDENT       : '_'? [A-Za-z] [A-Za-z0-9_.\-]* '\''? ;
TAG         : '\'' '_'? [A-Za-z] [A-Za-z0-9_.\-]* ;
STRING      : '"' ~["]* '"' ;

EMPTY_SET   : '0' ;
UNDERSCORE  : '_' ;
LPAREN      : '(' ;
RPAREN      : ')' ;
LBRACE      : '{' ;
RBRACE      : '}' ;
LBRACKET    : '[' ;
RBRACKET    : ']' ;
ALT         : '||' ;
UNION       : '|' ;
INTER       : '&' ;
PLUSPLUS    : '++' ;
PLUS        : '+' ;
STAR        : '*' ;
QUESTION    : '?' ;
TILDE       : '~' ;
HAT         : '^' ;
INV         : '-1' ;
DIFF        : '\\' ;
ARROW       : '->' ;
EQUAL       : '=' ;
SEMI        : ';' ;
COMMA       : ',' ;

BAD_CHAR    : . ;
