using System.CommandLine;
using Litmus.Cli.Batch;
using Litmus.Syntax;

namespace Litmus.Cli.Commands;

/// <summary>
/// The options for unattended runs (CI gates, reports, big suites): where expectations come from, baselines,
/// machine-readable reports, parallelism and sharding. Made afresh for each command line, so that parallel
/// in-process runs never share option objects.
/// </summary>
public sealed class BatchOptions
{
    public Option<string?> ExpectFile { get; } = new("--expect-file")
    {
        HelpName = "TABLE",
        Description = "Take expected verdicts from this table instead of the tests' Result: lines (implies --expect): "
            + "a header row naming 'path' and 'herd_verdict' (or 'verdict') and optionally 'flags', or rows 'path<TAB>verdict[<TAB>flags]'; paths relative to the table's folder",
    };
    public Option<string?> SaveBaseline { get; } = new("--save-baseline") { HelpName = "FILE", Description = "Record each test's verdict and flags in this file (sorted, tab-separated)" };
    public Option<string?> Baseline { get; } = new("--baseline") { HelpName = "FILE", Description = "Report what changed since this baseline; exit 1 when a verdict or flag changed (new and removed tests are reported only)" };
    public Option<string?> JUnit { get; } = new("--junit") { HelpName = "FILE", Description = "Write a JUnit XML report to this file" };
    public Option<string?> Json { get; } = new("--json") { HelpName = "FILE", Description = "Write a JSON report to this file (schema litmus-results/1, see docs/json-schema.md)" };
    public Option<bool> Annotations { get; } = new("--annotations") { Description = "Print GitHub Actions annotations (::error file=...,line=...::...) for bad input and failing verdicts" };
    public Option<int> Jobs { get; } = new("--jobs", "-j") { HelpName = "N", Description = "Check this many tests at once (default, or 0: one per processor); output keeps the input order", DefaultValueFactory = _ => 0 };
    public Option<string?> Shard { get; } = new("--shard") { HelpName = "K/N", Description = "Check only part K of N (K/N): a test belongs to the part its path's hash gives, so shards are disjoint and cover the suite" };

    public IEnumerable<Option> All => [ExpectFile, SaveBaseline, Baseline, JUnit, Json, Annotations, Jobs, Shard];

    /// <summary>The options as read and checked; bad values are positioned errors (exit 2) before any test runs.</summary>
    public sealed record Values(
        ExpectationTable? Table, BaselineComparison? Baseline, string? SaveBaseline, string? JUnit, string? Json,
        bool Annotations, int Jobs, Shard Shard)
    {
        /// <summary>Reports for machines want the execution behind a failing verdict.</summary>
        public bool WantsWitnesses => JUnit is not null || Json is not null;
    }

    /// <exception cref="LitmusInputException">A table or baseline that does not read, a bad shard or job count, an output file whose folder does not exist.</exception>
    public Values Read(ParseResult parse, string currentDirectory)
    {
        var jobs = parse.GetValue(Jobs);
        if (jobs < 0) throw Usage($"--jobs expects a number of workers (0 for one per processor), not {jobs}");
        var shard = parse.GetValue(Shard) is { } s ? Batch.Shard.Parse(s) : Batch.Shard.Whole;
        foreach (var output in new[] { parse.GetValue(SaveBaseline), parse.GetValue(JUnit), parse.GetValue(Json) })
            if (output is not null && Path.GetDirectoryName(Path.GetFullPath(output, currentDirectory)) is { } dir && !Directory.Exists(dir))
                throw Usage($"cannot write '{output}': there is no folder '{dir}'");
        var table = parse.GetValue(ExpectFile) is { } t ? ExpectationTable.Read(t, currentDirectory) : null;
        var baseline = parse.GetValue(Baseline) is { } b
            ? new BaselineComparison(b, BaselineFile.Read(Path.GetFullPath(b, currentDirectory)), shard) : null;
        return new Values(table, baseline, Full(parse.GetValue(SaveBaseline)), Full(parse.GetValue(JUnit)), Full(parse.GetValue(Json)),
            parse.GetValue(Annotations), jobs == 0 ? Environment.ProcessorCount : jobs, shard);

        string? Full(string? file) => file is null ? null : Path.GetFullPath(file, currentDirectory);
    }

    private static LitmusInputException Usage(string message) => new(SourceSpan.At("<command line>", 1, 1), message);
}
