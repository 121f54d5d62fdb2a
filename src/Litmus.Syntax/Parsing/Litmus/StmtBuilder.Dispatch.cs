using Antlr4.Runtime.Tree;
using Litmus.Syntax.Ast;
using P = Litmus.Syntax.Generated.LitmusCParser;

namespace Litmus.Syntax.Parsing.Litmus;

// Visit by the context's type, not by ANTLR's Accept<T> (a generic virtual method, resolved at run time under
// Native AOT: docs/performance.md, session 9). BuilderDispatchTests keeps the cases complete.
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
