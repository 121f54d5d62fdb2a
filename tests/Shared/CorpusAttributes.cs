using Xunit;

namespace Litmus.Tests;

/// <summary>
/// Why a test that reads ../shared/corpus cannot run here, or null when it can. The corpus (third-party tests
/// and herd's model files) is read in place and never copied into the repository, so a clone without it must
/// report these tests as skipped, not as passed.
/// </summary>
internal static class CorpusRequirement
{
    public static string? Missing(string? file)
    {
        if (RepoPaths.Corpus is null)
            return $"needs the shared corpus at {Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "corpus"))}, which is missing";
        if (file is not null && RepoPaths.CorpusFile(file) is null)
            return $"needs {file} in the shared corpus ({RepoPaths.Corpus}), which is missing";
        return null;
    }
}

/// <summary>A fact that runs only where the shared corpus (and the corpus file given, if any) is present; skipped, saying so, elsewhere.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute(string? file = null)
    {
        if (CorpusRequirement.Missing(file) is { } reason) Skip = reason;
    }
}

/// <summary>
/// A theory that runs only where the shared corpus (and the corpus file given, if any) is present. Where it is
/// missing, xunit reports the whole theory as one skipped case (a skipped theory is not expanded), so a theory
/// whose data come from the corpus shows up as skipped rather than as zero cases.
/// </summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute(string? file = null)
    {
        if (CorpusRequirement.Missing(file) is { } reason) Skip = reason;
    }
}
