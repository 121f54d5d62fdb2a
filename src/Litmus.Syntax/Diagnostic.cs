namespace Litmus.Syntax;

public enum Severity { Error, Warning, Note }

/// <summary>A message about a place in the user's input, printed as <c>file:line:col: error: message</c>.</summary>
public sealed record Diagnostic(SourceSpan Span, Severity Severity, string Message)
{
    public static Diagnostic Error(SourceSpan span, string message) => new(span, Severity.Error, message);

    public override string ToString()
    {
        var kind = Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" };
        return $"{Span}: {kind}: {Message}";
    }
}

/// <summary>
/// Raised for input the user must fix (syntax errors, unknown primitives, undeclared names).
/// Every layer throws this, never a bare exception, for bad input; the CLI prints the diagnostics and exits 2.
/// </summary>
public sealed class LitmusInputException : Exception
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public LitmusInputException(IReadOnlyList<Diagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics)) => Diagnostics = diagnostics;

    public LitmusInputException(SourceSpan span, string message) : this([Diagnostic.Error(span, message)]) { }
}
