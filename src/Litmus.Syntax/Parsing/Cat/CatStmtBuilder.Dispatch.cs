using Antlr4.Runtime.Tree;
using Litmus.Syntax.Ast;
using P = Litmus.Syntax.Generated.CatParser;

namespace Litmus.Syntax.Parsing.Cat;

// Visit by the context's type, not by ANTLR's Accept<T> (a generic virtual method, resolved at run time under
// Native AOT: docs/performance.md, session 9). BuilderDispatchTests keeps the cases complete.
internal sealed partial class CatStmtBuilder
{
    public override CatStmt Visit(IParseTree tree) => tree switch
    {
        P.LetStmtContext c => VisitLetStmt(c),
        P.CheckStmtContext c => VisitCheckStmt(c),
        P.ShowAsStmtContext c => VisitShowAsStmt(c),
        P.ShowStmtContext c => VisitShowStmt(c),
        P.IncludeStmtContext c => VisitIncludeStmt(c),
        P.EnumStmtContext c => VisitEnumStmt(c),
        P.InstructionsStmtContext c => VisitInstructionsStmt(c),
        P.ProcedureStmtContext c => VisitProcedureStmt(c),
        P.CurriedProcedureStmtContext c => VisitCurriedProcedureStmt(c),
        P.CallStmtContext c => VisitCallStmt(c),
        P.WithStmtContext c => VisitWithStmt(c),
        P.IfStmtContext c => VisitIfStmt(c),
        _ => base.Visit(tree),
    };
}
