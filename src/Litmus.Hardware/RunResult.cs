using Litmus.Checking;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Hardware;

/// <summary>A final state seen on the hardware, judged: does it satisfy the condition, does the model allow it.</summary>
public sealed record SeenState(string Text, long Count, bool Satisfies, bool Allowed);

/// <summary>What running one test on this machine found. Exactly one of <see cref="Skipped"/>, <see cref="Errors"/> or <see cref="Output"/> tells the outcome.</summary>
public sealed record RunResult
{
    public required string Path { get; init; }
    public required string Name { get; init; }
    public required string Model { get; init; }
    public ExpectedResult? Expected { get; init; }
    /// <summary>Why the test was not run: a primitive with no faithful mapping (not a failure).</summary>
    public string? Skipped { get; init; }
    public IReadOnlyList<Diagnostic> Errors { get; init; } = [];
    public HarnessOutput? Output { get; init; }
    /// <summary>Each distinct state seen, most frequent first.</summary>
    public IReadOnlyList<SeenState> Seen { get; init; } = [];
    /// <summary>States the model allows that no run produced (normal: hardware is stronger than the model).</summary>
    public IReadOnlyList<string> NotSeen { get; init; } = [];
    /// <summary>Executions the filter removed (litmus7 does not count them either).</summary>
    public long Filtered { get; init; }
    /// <summary>Lines of plain C accesses, by thread.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<int>> PlainAccesses { get; init; } = new Dictionary<int, IReadOnlyList<int>>();
    public IReadOnlyList<string> Registrations { get; init; } = [];
    public TimeSpan Elapsed { get; init; }

    public bool IsError => Errors.Count > 0;
    public bool IsSkipped => Skipped is not null && !IsError;
    public bool Ran => Output is not null && !IsError;

    public long Positive => Seen.Where(s => s.Satisfies).Sum(s => s.Count);
    public long Negative => Seen.Where(s => !s.Satisfies).Sum(s => s.Count);

    /// <summary>litmus7's word: Never (no run satisfied the condition), Always (every run did), Sometimes.</summary>
    public string Observation => Positive == 0 ? "Never" : Negative == 0 ? "Always" : "Sometimes";

    /// <summary>An observed state the model forbids: the model is wrong about this machine (or the harness is).</summary>
    public bool ModelViolated => Seen.Any(s => !s.Allowed);

    /// <summary>The test's Result: line says Never, yet the hardware reached the condition.</summary>
    public bool ExpectationViolated => Ran && Expected?.Verdict == "Never" && Positive > 0;

    public string Status => IsError ? "error" : IsSkipped ? "skipped" : ModelViolated ? "model-violated" : ExpectationViolated ? "expectation-violated" : "ok";
}
