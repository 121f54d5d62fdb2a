using Litmus.Models;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Cli.Commands;

/// <summary>
/// herd's <c>-skipcheck NAME</c> and <c>-through all|invalid</c>: the model's checks (<c>acyclic</c>,
/// <c>irreflexive</c>, <c>empty</c>) so named, or all of them, are not applied, so the executions they would
/// forbid are allowed. Flags (<c>flag ~empty ... as data-race</c>) are not checks and still apply, as in herd.
/// The checks are taken out of the model text itself, in every file it includes (LKMM's lock.cat has checks), so
/// the checker needs no option for it.
/// </summary>
public static class SkippedChecks
{
    public static ModelSpec Apply(ModelSpec spec, IReadOnlySet<string> names, bool all)
    {
        if (!all && names.Count == 0) return spec;
        bool Skip(CatCheck c) => !c.IsFlag && (all || (c.Name is { } n && names.Contains(n)));
        return spec with
        {
            Cat = Filter(spec.Cat, Skip),
            Bell = spec.Bell is { } bell ? Filter(bell, Skip) : null,
            Resolver = new FilteringResolver(spec.Resolver, Skip),
        };
    }

    private static CatModel Filter(CatModel m, Func<CatCheck, bool> skip) => m with { Statements = Filter(m.Statements, skip) };

    private static List<CatStmt> Filter(IReadOnlyList<CatStmt> statements, Func<CatCheck, bool> skip) =>
        statements.Where(s => s is not CatCheck c || !skip(c)).Select(s => s switch
        {
            CatIfStmt i => i with { Then = Filter(i.Then, skip), Else = Filter(i.Else, skip) },
            CatProcedure p => p with { Body = Filter(p.Body, skip) },
            _ => s,
        }).ToList();

    private sealed class FilteringResolver(IModelResolver inner, Func<CatCheck, bool> skip) : IModelResolver
    {
        public CatModel Load(string file, string includingFile, SourceSpan span) => Filter(inner.Load(file, includingFile, span), skip);
    }
}
