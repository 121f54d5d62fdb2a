using Antlr4.Runtime.Tree;
using Litmus.Syntax.Ast;
using P = Litmus.Syntax.Generated.LitmusCParser;

namespace Litmus.Syntax.Parsing.Litmus;

// Visit dispatched on the context's type, for each Visit method the builder overrides. ANTLR's own dispatch,
// tree.Accept<T>(visitor), is a generic virtual method, which Native AOT resolves at run time on first use: about
// 6 ms of each one-test process (docs/performance.md). A context not listed here still goes through Accept.
// BuilderDispatchTests checks that the list covers every override.
internal sealed partial class StmtBuilder
{
    public override Stmt Visit(IParseTree tree) => tree switch
    {
        P.BlockStmtContext c => VisitBlockStmt(c),
        P.IfStmtContext c => VisitIfStmt(c),
        P.ExprStmtContext c => VisitExprStmt(c),
        P.EmptyStmtContext c => VisitEmptyStmt(c),
        P.WhileStmtContext c => VisitWhileStmt(c),
        P.DoWhileStmtContext c => VisitDoWhileStmt(c),
        P.ForStmtContext c => VisitForStmt(c),
        P.JumpStmtContext c => VisitJumpStmt(c),
        _ => base.Visit(tree),
    };
}
