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

    private bool _sealed;

    /// <summary>
    /// Ignores every later error. For when one error explains the rest of the file, such as an
    /// unclosed brace that makes everything after it parse as the wrong construct.
    /// </summary>
    public void Seal() => _sealed = true;

    public void Error(SourceSpan span, string message)
    {
        // Error recovery can report the same place twice; one message per position is enough.
        if (_sealed || _items.Count >= Limit || !_errorPositions.Add((span.Line, span.Column))) return;
        _items.Add(Diagnostic.Error(span, message));
    }

    public void ThrowIfAny()
    {
        if (_items.Count == 0) return;
        var sorted = _items.OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column).ToList();
        throw new LitmusInputException(sorted);
    }
}
