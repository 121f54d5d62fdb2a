namespace Litmus.Syntax.Parsing.Infrastructure;

/// <summary>
/// Collects the diagnostics of one file, so that a user sees every problem of a file at once
/// rather than fixing them one run at a time.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly HashSet<(int, int)> _errorPositions = [];

    /// <summary>Stop collecting after this many: past it, errors are mostly echoes of the first ones.</summary>
    public const int Limit = 25;

    public bool HasErrors => _items.Count > 0;

    public IReadOnlyList<Diagnostic> Items => _items;

    public void Error(SourceSpan span, string message)
    {
        // Error recovery can report the same place twice; one message per position is enough.
        if (_items.Count >= Limit || !_errorPositions.Add((span.Line, span.Column))) return;
        _items.Add(Diagnostic.Error(span, message));
    }

    public void ThrowIfAny()
    {
        if (_items.Count == 0) return;
        var sorted = _items.OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column).ToList();
        throw new LitmusInputException(sorted);
    }
}
