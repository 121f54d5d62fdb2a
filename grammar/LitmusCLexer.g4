/*
 * Lexer for herd7 C litmus tests (Linux-kernel flavour) and herd .def macro files.
 *
 * A litmus file is not one language but four, and herd itself cuts it into sections
 * before lexing each with its own rules. The modes below mirror that split:
 *
 *   DEFAULT_MODE  the first line "Arch Name"
 *   NAME_LINE     the rest of that line: the test name
 *   HEADER        from the second line to the init block's '{': free text (doc strings,
 *                 "key=value" lines, comments), all skipped
 *   MAIN          the init block, the thread headers between bodies, and the final
 *                 condition: here (* ... *) is a comment
 *   CODE          thread bodies (and whole .def files): C, where "(*" is ordinary syntax
 *                 (as in READ_ONCE(*x)), so only C comments are comments; braces nest
 *
 * Every token of MAIN and CODE has the same token type whatever its mode, so the parser
 * grammar never sees modes. Each mode ends with BAD_CHAR so that the lexer never reports
 * an error itself: the parser reports an unexpected character with its position.
 *
 * No embedded actions: only lexer commands (skip, type, mode, pushMode, popMode).
 */
lexer grammar LitmusCLexer;

// Tokens that are only produced through type(...) in some modes.
tokens { LBRACE }

// ---------------------------------------------------------------- DEFAULT_MODE: "C name"

ARCH            : [A-Za-z0-9_]+ -> mode(NAME_LINE) ;
ARCH_WS         : [ \t\r\n]+ -> skip ;
ARCH_BAD_CHAR   : . -> type(BAD_CHAR) ;

// ---------------------------------------------------------------- shared fragments

fragment NESTED_COMMENT : '(*' (NESTED_COMMENT | .)*? '*)' ;
fragment LINE_COMMENT_F : '//' ~[\r\n]* ;
fragment BLOCK_COMMENT_F: '/*' .*? '*/' ;
fragment NAME_F         : [A-Za-z_] [A-Za-z0-9_]* ;
fragment INT_F          : [0-9]+ | '0' [xX] [0-9a-fA-F]+ ;
fragment TYPE_WORD_F
    : 'int' | 'char' | 'long' | 'short' | 'unsigned' | 'signed' | 'void' | 'bool' | '_Bool'
    | 'int8_t' | 'uint8_t' | 'int16_t' | 'uint16_t' | 'int32_t' | 'uint32_t'
    | 'int64_t' | 'uint64_t' | '__int128_t' | '__uint128_t' | '__int128' | 'int128_t' | 'uint128_t'
    | 'intptr_t' | 'uintptr_t' | 'size_t'
    | 'atomic_t' | 'atomic_int' | 'spinlock_t' | 'mtx_t'
    ;

// ---------------------------------------------------------------- NAME_LINE: rest of line 1

mode NAME_LINE;

TN_WS           : [ \t]+ -> skip ;
// herd's test names contain no blanks; whatever follows on the line is header text.
TEST_NAME       : ~[ \t\r\n]+ -> mode(HEADER) ;
TN_NEWLINE      : '\r'? '\n' -> skip, mode(HEADER) ;

// ---------------------------------------------------------------- HEADER: skipped up to '{'

mode HEADER;

H_COMMENT       : NESTED_COMMENT -> skip ;
H_LINE_COMMENT  : LINE_COMMENT_F -> skip ;
H_STRING        : '"' ~["]* '"' -> skip ;
// As in herd, a "key=value" line is skipped whole, so its value may contain '{'.
H_KEY_VALUE     : [A-Za-z] [A-Za-z0-9_/.\-]* [ \t]* '=' ~[\n]* -> skip ;
H_INIT_START    : '{' -> type(LBRACE), mode(MAIN) ;
H_NEWLINE       : '\n' -> skip ;
H_TEXT          : ~[{("/\n]+ -> skip ;
H_CHAR          : [("/] -> skip ;

// ---------------------------------------------------------------- MAIN: init, thread headers, condition

mode MAIN;

WS              : [ \t\r\n]+ -> skip ;
OCAML_COMMENT   : NESTED_COMMENT -> skip ;
LINE_COMMENT    : LINE_COMMENT_F -> skip ;
BLOCK_COMMENT   : BLOCK_COMMENT_F -> skip ;

// A '{' here opens a thread body (the init block's '{' is lexed in HEADER).
THREAD_BODY_START : '{' -> type(LBRACE), pushMode(CODE) ;
RBRACE          : '}' ;

// Keywords of the final-condition language.
EXISTS          : 'exists' ;
FORALL          : 'forall' ;
LOCATIONS       : 'locations' ;
FILTER          : 'filter' ;
SCOPES          : 'scopes' ;
REGIONS         : 'regions' ;
NOT_WORD        : 'not' ;
TRUE            : 'true' ;
FALSE           : 'false' ;

// C keywords (also valid in MAIN: init declarations and parameter lists use types).
IF              : 'if' ;
ELSE            : 'else' ;
WHILE           : 'while' ;
FOR             : 'for' ;
DO              : 'do' ;
GOTO            : 'goto' ;
RETURN          : 'return' ;
SWITCH          : 'switch' ;
BREAK           : 'break' ;
CONTINUE        : 'continue' ;
STRUCT          : 'struct' ;
ATOMIC          : '_Atomic' ;
QUALIFIER       : 'volatile' | 'const' ;
BASE_TYPE       : TYPE_WORD_F ;

INT_LIT         : INT_F ;
IDENT           : NAME_F ;

// Operators of the condition language.
CONJ            : '/\\' ;
DISJ            : '\\/' ;
IMPLIES         : '=>' ;
LTGT            : '<>' ;

// C punctuation and operators.
LPAREN          : '(' ;
RPAREN          : ')' ;
LBRACKET        : '[' ;
RBRACKET        : ']' ;
SEMI            : ';' ;
COMMA           : ',' ;
COLON           : ':' ;
QUESTION        : '?' ;
ARROW           : '->' ;
DOT             : '.' ;
INC             : '++' ;
DEC             : '--' ;
EQ              : '==' ;
NE              : '!=' ;
LE              : '<=' ;
GE              : '>=' ;
SHL             : '<<' ;
SHR             : '>>' ;
ANDAND          : '&&' ;
OROR            : '||' ;
ADD_ASSIGN      : '+=' ;
SUB_ASSIGN      : '-=' ;
MUL_ASSIGN      : '*=' ;
DIV_ASSIGN      : '/=' ;
MOD_ASSIGN      : '%=' ;
AND_ASSIGN      : '&=' ;
OR_ASSIGN       : '|=' ;
XOR_ASSIGN      : '^=' ;
SHL_ASSIGN      : '<<=' ;
SHR_ASSIGN      : '>>=' ;
ASSIGN          : '=' ;
LT              : '<' ;
GT              : '>' ;
PLUS            : '+' ;
MINUS           : '-' ;
STAR            : '*' ;
SLASH           : '/' ;
PERCENT         : '%' ;
AMP             : '&' ;
PIPE            : '|' ;
CARET           : '^' ;
TILDE           : '~' ;
BANG            : '!' ;

BAD_CHAR        : . ;

// ---------------------------------------------------------------- CODE: thread bodies, .def files

mode CODE;

C_WS            : [ \t\r\n]+ -> skip ;
C_LINE_COMMENT  : LINE_COMMENT_F -> skip ;
C_BLOCK_COMMENT : BLOCK_COMMENT_F -> skip ;

C_LBRACE        : '{' -> type(LBRACE), pushMode(CODE) ;
C_RBRACE        : '}' -> type(RBRACE), popMode ;

C_IF            : 'if' -> type(IF) ;
C_ELSE          : 'else' -> type(ELSE) ;
C_WHILE         : 'while' -> type(WHILE) ;
C_FOR           : 'for' -> type(FOR) ;
C_DO            : 'do' -> type(DO) ;
C_GOTO          : 'goto' -> type(GOTO) ;
C_RETURN        : 'return' -> type(RETURN) ;
C_SWITCH        : 'switch' -> type(SWITCH) ;
C_BREAK         : 'break' -> type(BREAK) ;
C_CONTINUE      : 'continue' -> type(CONTINUE) ;
C_STRUCT        : 'struct' -> type(STRUCT) ;
C_ATOMIC        : '_Atomic' -> type(ATOMIC) ;
C_QUALIFIER     : ('volatile' | 'const') -> type(QUALIFIER) ;
C_BASE_TYPE     : TYPE_WORD_F -> type(BASE_TYPE) ;

C_INT_LIT       : INT_F -> type(INT_LIT) ;
C_IDENT         : NAME_F -> type(IDENT) ;

C_LPAREN        : '(' -> type(LPAREN) ;
C_RPAREN        : ')' -> type(RPAREN) ;
C_LBRACKET      : '[' -> type(LBRACKET) ;
C_RBRACKET      : ']' -> type(RBRACKET) ;
C_SEMI          : ';' -> type(SEMI) ;
C_COMMA         : ',' -> type(COMMA) ;
C_COLON         : ':' -> type(COLON) ;
C_QUESTION      : '?' -> type(QUESTION) ;
C_ARROW         : '->' -> type(ARROW) ;
C_DOT           : '.' -> type(DOT) ;
C_INC           : '++' -> type(INC) ;
C_DEC           : '--' -> type(DEC) ;
C_EQ            : '==' -> type(EQ) ;
C_NE            : '!=' -> type(NE) ;
C_LE            : '<=' -> type(LE) ;
C_GE            : '>=' -> type(GE) ;
C_SHL           : '<<' -> type(SHL) ;
C_SHR           : '>>' -> type(SHR) ;
C_ANDAND        : '&&' -> type(ANDAND) ;
C_OROR          : '||' -> type(OROR) ;
C_ADD_ASSIGN    : '+=' -> type(ADD_ASSIGN) ;
C_SUB_ASSIGN    : '-=' -> type(SUB_ASSIGN) ;
C_MUL_ASSIGN    : '*=' -> type(MUL_ASSIGN) ;
C_DIV_ASSIGN    : '/=' -> type(DIV_ASSIGN) ;
C_MOD_ASSIGN    : '%=' -> type(MOD_ASSIGN) ;
C_AND_ASSIGN    : '&=' -> type(AND_ASSIGN) ;
C_OR_ASSIGN     : '|=' -> type(OR_ASSIGN) ;
C_XOR_ASSIGN    : '^=' -> type(XOR_ASSIGN) ;
C_SHL_ASSIGN    : '<<=' -> type(SHL_ASSIGN) ;
C_SHR_ASSIGN    : '>>=' -> type(SHR_ASSIGN) ;
C_ASSIGN        : '=' -> type(ASSIGN) ;
C_LT            : '<' -> type(LT) ;
C_GT            : '>' -> type(GT) ;
C_PLUS          : '+' -> type(PLUS) ;
C_MINUS         : '-' -> type(MINUS) ;
C_STAR          : '*' -> type(STAR) ;
C_SLASH         : '/' -> type(SLASH) ;
C_PERCENT       : '%' -> type(PERCENT) ;
C_AMP           : '&' -> type(AMP) ;
C_PIPE          : '|' -> type(PIPE) ;
C_CARET         : '^' -> type(CARET) ;
C_TILDE         : '~' -> type(TILDE) ;
C_BANG          : '!' -> type(BANG) ;

C_BAD_CHAR      : . -> type(BAD_CHAR) ;
