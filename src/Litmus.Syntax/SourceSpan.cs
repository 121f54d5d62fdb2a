namespace Litmus.Syntax;

/// <summary>A region of a source file; lines and columns are 1-based, as editors show them.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column, int EndLine, int EndColumn)
{
    public static SourceSpan At(string file, int line, int column) => new(file, line, column, line, column);

    public static readonly SourceSpan None = new("", 0, 0, 0, 0);

    /// <summary>The smallest span covering both.</summary>
    public SourceSpan To(SourceSpan end) => new(File, Line, Column, end.EndLine, end.EndColumn);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
