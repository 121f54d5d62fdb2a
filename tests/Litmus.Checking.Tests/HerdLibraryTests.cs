namespace Litmus.Checking.Tests;

/// <summary>Skips, visibly, where the shared herd7 model library is absent.</summary>
public sealed class NeedsHerdLibraryTheoryAttribute : TheoryAttribute
{
    public NeedsHerdLibraryTheoryAttribute()
    {
        if (RepoPaths.HerdLibrary is null) Skip = "needs herd7's model library at ../shared/tools/herd7/lib";
    }
}

/// <summary>
/// herd7's own C11 model, rc11.cat, read unmodified from herd's library (with cos.cat and stdlib names as
/// herd provides them), gives the bundled C11 tests the verdicts their rc11 expectations state (herd7's).
/// An expectation line <c>herd-X verdict</c> is herd7's verdict under herd's library file X.cat, which the
/// same file gives here.
/// </summary>
public class HerdLibraryTests
{
    public const string Prefix = "herd-";

    public static TheoryData<string, string, string> LibraryCases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (test, model, verdict) in GoldenVerdictTests.Rows().Where(r => r.Model.StartsWith(Prefix, StringComparison.Ordinal)))
            data.Add(test, model[Prefix.Length..] + ".cat", verdict);
        return data;
    }

    [NeedsHerdLibraryTheory]
    [MemberData(nameof(LibraryCases))]
    public void Herds_library_file_gives_herds_verdict(string test, string catFile, string expected)
    {
        var result = GoldenVerdictTests.Check(Path.Combine(RepoPaths.HerdLibrary!, catFile), Path.Combine(RepoPaths.Root, test));
        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.VerdictWord);
    }

    public static TheoryData<string, string> Rc11Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in GoldenVerdictTests.Cases().Select(r => ((string)r[0], (string)r[1], (string)r[2])).Where(r => r.Item2 == "rc11"))
            data.Add(row.Item1, row.Item3);
        return data;
    }

    [NeedsHerdLibraryTheory]
    [MemberData(nameof(Rc11Cases))]
    public void Herds_rc11_gives_the_expected_verdict(string test, string expected)
    {
        var result = GoldenVerdictTests.Check(Path.Combine(RepoPaths.HerdLibrary!, "rc11.cat"), Path.Combine(RepoPaths.Root, test));
        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.VerdictWord);
    }
}
