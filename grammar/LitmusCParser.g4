/*
 * Parser for herd7 C litmus tests (Linux-kernel flavour) and, through the second start
 * rule macroFile, for herd's .def macro files, whose bodies are the same C.
 *
 * Action-free; every alternative a visitor needs to tell apart is labelled.
 * Primitives (READ_ONCE, smp_mb, spin_lock, ...) are ordinary calls: the grammar knows no
 * primitive by name. Loops, goto and return are parsed only so that the AST builder can
 * reject them with a clear, positioned message.
 */
parser grammar LitmusCParser;

options { tokenVocab = LitmusCLexer; }

// ================================================================ litmus test

litmusTest
    : header initBlock threadDecl* postlude EOF
    ;

header
    : ARCH TEST_NAME
    ;

initBlock
    : LBRACE SEMI* (initItem (SEMI+ initItem)* SEMI*)? RBRACE
    ;

// int x = 1;  int *p = &x;  x = 1;  0:r1 = x;  int 0:r1 = z;  int *1:r1;  int a[3];
// atomic_t a = ATOMIC_INIT(1);  spinlock_t l;  struct srcu_struct s;  [x] = 0;
initItem
    : typeSpec pointer* initTarget arraySize? (ASSIGN expr)?   # typedInitItem
    | initTarget (ASSIGN expr)?                                # untypedInitItem
    ;

// herd's C11 tests also write a location in brackets: { [x] = 0; }
initTarget
    : (thread=INT_LIT COLON)? IDENT
    | LBRACKET IDENT RBRACKET
    ;

arraySize
    : LBRACKET INT_LIT RBRACKET
    ;

threadDecl
    : IDENT LPAREN parameterList? RPAREN compoundStmt
    ;

parameterList
    : BASE_TYPE                                 // P0(void): checked to be void by the builder
    | parameter (COMMA parameter)*
    ;

parameter
    : typeSpec pointer* IDENT
    ;

// Everything after the threads: scopes / locations / filter in any order, then the
// final condition. herd reads a missing condition as "forall true".
postlude
    : postludeClause* finalCondition? SEMI?
    ;

postludeClause
    : SCOPES COLON scopeTree+                                     # scopesClause
    | LOCATIONS LBRACKET SEMI* (operand (SEMI+ operand)* SEMI*)? RBRACKET   # locationsClause
    | FILTER prop                                                  # filterClause
    | REGIONS COLON (region (COMMA? region)*)?                     # regionsClause
    ;

// regions: x:PROP  (herd's memory regions, e.g. for tagged memory; no C model reads them)
region
    : location=IDENT COLON kind=IDENT
    ;

// (system (proc P0 P1) (proc P2)): a kind, then thread names and sub-trees.
scopeTree
    : LPAREN kind=IDENT scopeMember* RPAREN
    ;

scopeMember
    : IDENT                                     # scopeThread
    | scopeTree                                 # scopeChild
    ;

finalCondition
    : EXISTS prop                               # existsCondition
    | (TILDE | NOT_WORD) EXISTS prop            # notExistsCondition
    | FORALL prop                               # forallCondition
    ;

// Precedence as in herd's state parser: '~' / not binds tightest, then implication
// (right-associative), then '/\', then '\/' (herd also accepts '+' for '\/').
prop
    : LPAREN prop RPAREN                                  # parenProp
    | (TILDE | NOT_WORD) prop                             # notProp
    | <assoc=right> prop (IMPLIES | ARROW) prop           # impliesProp
    | prop CONJ prop                                      # andProp
    | prop (DISJ | PLUS) prop                             # orProp
    | TRUE                                                # trueProp
    | FALSE                                               # falseProp
    | operand op=(ASSIGN | EQ | NE | LTGT) operand        # compareProp
    ;

operand
    : thread=(INT_LIT | IDENT) COLON IDENT      # registerOperand
    | LBRACKET IDENT RBRACKET                   # valueOfOperand
    | MINUS? INT_LIT                            # constantOperand
    | IDENT                                     # nameOperand
    ;

// ================================================================ .def macro files

macroFile
    : macroDef* EOF
    ;

macroDef
    : name=IDENT LPAREN (IDENT (COMMA IDENT)*)? RPAREN (compoundStmt | expr)
    ;

// ================================================================ C types

// volatile int, const char, unsigned long, _Atomic int, atomic_t, struct srcu_struct
typeSpec
    : (QUALIFIER | ATOMIC)* baseType QUALIFIER*
    ;

baseType
    : BASE_TYPE+                                # builtinType
    | STRUCT IDENT                              # structType
    ;

pointer
    : STAR QUALIFIER*
    ;

typeName
    : typeSpec pointer*
    ;

// ================================================================ C statements

compoundStmt
    : LBRACE blockItem* RBRACE
    ;

blockItem
    : declaration
    | statement
    ;

// int r0;  int r0, r1 = 2;  int *r2 = READ_ONCE(*p);
declaration
    : typeSpec initDeclarator (COMMA initDeclarator)* SEMI
    ;

initDeclarator
    : pointer* IDENT (ASSIGN expr)?
    ;

statement
    : compoundStmt                                          # blockStmt
    | IF LPAREN expr RPAREN statement (ELSE statement)?     # ifStmt
    | expr SEMI                                             # exprStmt
    | SEMI                                                  # emptyStmt
    | WHILE LPAREN expr RPAREN statement                    # whileStmt
    | DO statement WHILE LPAREN expr RPAREN SEMI            # doWhileStmt
    | FOR LPAREN forPart? SEMI expr? SEMI expr? RPAREN statement   # forStmt
    | kw=(GOTO | RETURN | BREAK | CONTINUE | SWITCH) ~SEMI* SEMI    # jumpStmt
    ;

forPart
    : typeSpec initDeclarator (COMMA initDeclarator)*
    | expr
    ;

// ================================================================ C expressions

// Alternatives are listed from the tightest to the loosest binding, as C defines them.
expr
    : primary                                                         # primaryExpr
    | expr LBRACKET expr RBRACKET                                     # indexExpr
    | op=(MINUS | PLUS | BANG | TILDE | STAR | AMP) expr              # unaryExpr
    | LPAREN typeName RPAREN expr                                     # castExpr
    | expr op=(STAR | SLASH | PERCENT) expr                           # binaryExpr
    | expr op=(PLUS | MINUS) expr                                     # binaryExpr
    | expr op=(SHL | SHR) expr                                        # binaryExpr
    | expr op=(LT | LE | GT | GE) expr                                # binaryExpr
    | expr op=(EQ | NE) expr                                          # binaryExpr
    | expr op=AMP expr                                                # binaryExpr
    | expr op=CARET expr                                              # binaryExpr
    | expr op=PIPE expr                                               # binaryExpr
    | expr op=ANDAND expr                                             # binaryExpr
    | expr op=OROR expr                                               # binaryExpr
    | <assoc=right> expr QUESTION expr COLON expr                     # conditionalExpr
    | <assoc=right> expr op=(ASSIGN | ADD_ASSIGN | SUB_ASSIGN | MUL_ASSIGN | DIV_ASSIGN
                            | MOD_ASSIGN | AND_ASSIGN | OR_ASSIGN | XOR_ASSIGN
                            | SHL_ASSIGN | SHR_ASSIGN) expr           # assignExpr
    ;

primary
    : INT_LIT                                                         # intLiteral
    | IDENT                                                           # nameExpr
    | LPAREN expr RPAREN                                              # parenExpr
    | IDENT LPAREN argumentList? RPAREN                               # callExpr
    // herd's event-generating builtins, e.g. __load{ONCE}(X), __fence{MB}
    | IDENT LBRACE tagList? RBRACE (LPAREN argumentList? RPAREN)?     # taggedCallExpr
    ;

tagList
    : tag (COMMA tag)*
    ;

// Tags may contain '-': before-atomic, sync-srcu.
tag
    : IDENT (MINUS IDENT)*
    ;

argumentList
    : argument (COMMA argument)*
    ;

argument
    : expr                                                            # exprArgument
    // .def files pass operators to builtins: __atomic_op{NORETURN}(X,&~,V)
    | operatorArg                                                     # operatorArgument
    ;

operatorArg
    : PLUS | MINUS | STAR | SLASH | PERCENT | PIPE | CARET | SHL | SHR
    | AMP TILDE?
    ;
