using Antlr4.Runtime.Tree;
using Litmus.Syntax.Ast;
using P = Litmus.Syntax.Generated.CatParser;

namespace Litmus.Syntax.Parsing.Cat;

// Visit dispatched on the context's type, for each Visit method the builder overrides. ANTLR's own dispatch,
// tree.Accept<T>(visitor), is a generic virtual method, which Native AOT resolves at run time on first use: about
// 6 ms of each one-test process (docs/performance.md). A context not listed here still goes through Accept.
// BuilderDispatchTests checks that the list covers every override.
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
