namespace Litmus.Syntax.Ast;

/// <summary>A macro file in herd's <c>.def</c> format: each line maps a C primitive to events.</summary>
public sealed record MacroFile(string Path, IReadOnlyList<MacroDef> Macros);

/// <summary>
/// <c>READ_ONCE(X) __load{ONCE}(X)</c> (an expression macro: <see cref="ExprBody"/> is set) or
/// <c>smp_mb() { __fence{MB}; }</c> (a statement macro: <see cref="BlockBody"/> is set).
/// </summary>
public sealed record MacroDef(string Name, IReadOnlyList<string> Parameters, Expr? ExprBody, BlockStmt? BlockBody, SourceSpan Span);

/// <summary>A herd <c>.cfg</c> preset: <c>key value</c> lines (<c>model lkmm.cat</c>, <c>bell ...</c>, <c>macros ...</c>).</summary>
public sealed record ConfigFile(string Path, IReadOnlyList<ConfigEntry> Entries)
{
    public string? Get(string key) => Entries.LastOrDefault(e => e.Key == key)?.Value;
}

public sealed record ConfigEntry(string Key, string Value, SourceSpan Span);
