using System.Text.Json;
using Litmus.Tests;

namespace Litmus.Cli.Tests;

/// <summary>
/// Inputs the fuzz driver reported as nondeterministic (docs/fuzzing.md), kept in Regressions/: each is checked with
/// --jobs 1 and --jobs 2 beside a few bundled tests, and every test must get the same status, verdict and flags.
/// </summary>
public sealed class DeterminismRegressionTests : IDisposable
{
    private readonly CliRunner _cli = new();
    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Fuzz_chunk_1005_membarrier_handshake_mutant_gets_the_same_answers_with_one_or_two_workers()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_cli.Dir, "batch")).FullName;
        File.Copy(Path.Combine(RepoPaths.Root, "tests", "Litmus.Cli.Tests", "Regressions", "fuzz-1005-nondeterminism.litmus"), Path.Combine(folder, "m041.litmus"));
        foreach (var t in new[] { "sb/SB+mbs.litmus", "mp/MP+wmb+rmb.litmus", "2+2w/2+2W+mb+wmb.litmus" })
            File.Copy(CliRunner.Bundled(t), Path.Combine(folder, Path.GetFileName(t)));

        var one = Answers("--jobs", "1", "--json", "one.json", folder);
        var two = Answers("--jobs", "2", "--json", "two.json", folder);
        Assert.Equal(one, two);
        // The mutant only moved a register's declaration to another thread: its answer is the unmutated test's.
        Assert.Equal("Never []", one["at-2-2-order-a"]);
    }

    private Dictionary<string, string> Answers(params string[] args)
    {
        _cli.Run(["check", "--timeout", "120", .. args]);
        using var doc = JsonDocument.Parse(_cli.Read(args[3]));
        return doc.RootElement.GetProperty("tests").EnumerateArray().ToDictionary(
            t => t.GetProperty("name").GetString()!,
            t => $"{t.GetProperty("verdict")} [{string.Join(",", t.GetProperty("flags").EnumerateArray().Select(f => f.GetString()))}]");
    }
}
