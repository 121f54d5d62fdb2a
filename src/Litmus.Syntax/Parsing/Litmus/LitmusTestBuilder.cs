using Antlr4.Runtime;
using Litmus.Syntax.Ast;
using P = Litmus.Syntax.Generated.LitmusCParser;

namespace Litmus.Syntax.Parsing.Litmus;

/// <summary>
/// Builds a <see cref="LitmusTest"/> from the parse tree of a whole file, and checks what the
/// grammar cannot: thread names and numbering, clauses given twice.
/// </summary>
internal sealed class LitmusTestBuilder
{
    private readonly BuildContext _bc;
    private readonly ExprBuilder _exprs;
    private readonly StmtBuilder _stmts;
    private readonly ConditionBuilder _conditions;

    public LitmusTestBuilder(BuildContext bc)
    {
        _bc = bc;
        _exprs = new ExprBuilder(bc);
        _stmts = new StmtBuilder(bc, _exprs);
        _conditions = new ConditionBuilder(bc);
    }

    public LitmusTest Build(P.LitmusTestContext context, ExpectedResult? expected)
    {
        var header = context.header();
        var init = context.initBlock().initItem().Select(BuildInitItem).ToList();
        var threads = BuildThreads(context.threadDecl(), context.initBlock());
        var postlude = context.postlude();

        ScopeTree? scopes = null;
        List<Operand> locations = [];
        Prop? filter = null;
        var seen = new Dictionary<string, SourceSpan>();
        foreach (var clause in postlude.postludeClause())
        {
            var keyword = clause.Start;
            if (seen.TryGetValue(keyword.Text, out var first))
            {
                _bc.Diagnostics.Error(_bc.Spans.Of(keyword),
                    $"a test has at most one '{keyword.Text}' clause; the first is at line {first.Line}");
                continue;
            }
            seen[keyword.Text] = _bc.Spans.Of(keyword);
            switch (clause)
            {
                case P.ScopesClauseContext s:
                    scopes = BuildScopes(s);
                    break;
                case P.LocationsClauseContext l:
                    locations = l.operand().Select(_conditions.BuildOperand).ToList();
                    break;
                case P.FilterClauseContext f:
                    filter = _conditions.BuildProp(f.prop());
                    break;
                case P.RegionsClauseContext:
                    break; // herd's memory regions (tagged memory): accepted, and read by no C model

            }
        }

        var condition = postlude.finalCondition() is { } final
            ? _conditions.BuildCondition(final)
            : MissingCondition(context);

        return new LitmusTest(
            _bc.Spans.Path,
            header.ARCH().GetText(),
            header.TEST_NAME().GetText(),
            _bc.Spans.Of(header.TEST_NAME().Symbol),
            init,
            threads,
            scopes,
            locations,
            filter,
            condition,
            expected);
    }

    // herd reads a test without a final condition as "forall true" (every execution passes).
    private FinalCondition MissingCondition(P.LitmusTestContext context)
    {
        var span = _bc.Spans.Of(context.Eof().Symbol);
        return new FinalCondition(Quantifier.Forall, new TrueProp(span), span);
    }

    private InitItem BuildInitItem(P.InitItemContext context)
    {
        var span = _bc.Spans.Of(context);
        switch (context)
        {
            case P.TypedInitItemContext typed:
            {
                var type = TypeBuilder.Build(typed.typeSpec(), typed.pointer(), _bc);
                var (thread, name) = Target(typed.initTarget());
                int? size = null;
                if (typed.arraySize() is { } array)
                {
                    var token = array.INT_LIT().Symbol;
                    if (IntegerLiterals.TryParse(token.Text, out var n) && n is > 0 and <= int.MaxValue) size = (int)n;
                    else _bc.Diagnostics.Error(_bc.Spans.Of(token), $"array size must be a positive number, not {token.Text}");
                }
                var value = typed.expr() is { } v ? _exprs.Build(v) : null;
                return new InitItem(type, thread, name, value, size, span);
            }
            case P.UntypedInitItemContext untyped:
            {
                var (thread, name) = Target(untyped.initTarget());
                var value = untyped.expr() is { } v ? _exprs.Build(v) : null;
                return new InitItem(null, thread, name, value, null, span);
            }
            default:
                throw new InvalidOperationException("internal error: init item form without an AST builder");
        }
    }

    private (int? Thread, string Name) Target(P.InitTargetContext target)
    {
        int? thread = null;
        if (target.thread is { } token)
        {
            if (ThreadNames.TryParseIndex(token.Text, out var index)) thread = index;
            else _bc.Diagnostics.Error(_bc.Spans.Of(token), $"'{token.Text}' is not a thread number: registers are written <thread>:<register>, as in 0:r1");
        }
        return (thread, target.IDENT().GetText());
    }

    private List<ThreadDecl> BuildThreads(P.ThreadDeclContext[] declarations, P.InitBlockContext init)
    {
        if (declarations.Length == 0)
            _bc.Diagnostics.Error(_bc.Spans.After(init.Stop),
                "expected a thread after the init block, such as P0(int *x) { WRITE_ONCE(*x, 1); }");

        var threads = new List<ThreadDecl>();
        var byIndex = new Dictionary<int, ThreadDecl>();
        foreach (var declaration in declarations)
        {
            var nameToken = declaration.IDENT().Symbol;
            var name = nameToken.Text;
            if (!ThreadNames.TryParseThreadName(name, out var index))
            {
                _bc.Diagnostics.Error(_bc.Spans.Of(nameToken),
                    $"'{name}' is not a thread name: threads are named P0, P1, P2, ...");
                continue;
            }
            var thread = new ThreadDecl(index, name, BuildParameters(declaration.parameterList()),
                _stmts.BuildBlock(declaration.compoundStmt()), _bc.Spans.Of(declaration));
            if (byIndex.TryGetValue(index, out var first))
            {
                _bc.Diagnostics.Error(_bc.Spans.Of(nameToken),
                    $"thread {name} is defined twice; the first definition is at line {first.Span.Line}");
                continue;
            }
            byIndex[index] = thread;
            threads.Add(thread);
        }
        return threads;
    }

    private List<Parameter> BuildParameters(P.ParameterListContext? list)
    {
        if (list is null) return [];
        if (list.BASE_TYPE() is { } single)
        {
            // P0(void) declares no parameter; P0(int) declares one without a name.
            if (single.GetText() != "void")
                _bc.Diagnostics.Error(_bc.Spans.After(single.Symbol), $"expected a parameter name after '{single.GetText()}'");
            return [];
        }
        return list.parameter()
            .Select(p => new Parameter(TypeBuilder.Build(p.typeSpec(), p.pointer(), _bc), p.IDENT().GetText(), _bc.Spans.Of(p)))
            .ToList();
    }

    /// <summary>
    /// The scope tree of <c>scopes: (system (proc P0 P1) (proc P2))</c>. Several top-level trees
    /// are gathered under one root with an empty kind.
    /// </summary>
    private ScopeTree BuildScopes(P.ScopesClauseContext clause)
    {
        var trees = clause.scopeTree().Select(BuildScopeTree).ToList();
        return trees.Count == 1 ? trees[0] : new ScopeTree("", [], trees, _bc.Spans.Of(clause));
    }

    private ScopeTree BuildScopeTree(P.ScopeTreeContext tree)
    {
        var threads = new List<int>();
        var children = new List<ScopeTree>();
        foreach (var member in tree.scopeMember())
        {
            switch (member)
            {
                case P.ScopeThreadContext thread:
                    var token = thread.IDENT().Symbol;
                    if (ThreadNames.TryParseThreadName(token.Text, out var index)) threads.Add(index);
                    else _bc.Diagnostics.Error(_bc.Spans.Of(token), $"'{token.Text}' is not a thread name: threads are named P0, P1, P2, ...");
                    break;
                case P.ScopeChildContext child:
                    children.Add(BuildScopeTree(child.scopeTree()));
                    break;
            }
        }
        return new ScopeTree(tree.kind.Text, threads, children, _bc.Spans.Of(tree));
    }
}
