using Litmus.Syntax.Parsing.Infrastructure;

namespace Litmus.Syntax.Parsing.Cat;

/// <summary>What the cat AST builders of one file share: where spans point and where errors go.</summary>
internal sealed record CatBuildContext(SpanFactory Spans, DiagnosticBag Diagnostics)
{
    /// <summary>"Linux-kernel model" without its quotes.</summary>
    public static string Unquote(string literal) => literal.Length >= 2 ? literal[1..^1] : literal;

    /// <summary>'ONCE without its quote.</summary>
    public static string TagName(string tag) => tag.TrimStart('\'');
}
