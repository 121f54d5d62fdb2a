using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Checking;

/// <summary>herd's verdict words: whether the condition's proposition holds in no, some, or every allowed execution.</summary>
public enum Verdict { Never, Sometimes, Always }

/// <summary>One final state: the observed registers and locations with their values, and whether it satisfies the proposition.</summary>
public sealed record FinalState(IReadOnlyList<(string Name, string Value)> Values, bool Satisfies)
{
    /// <summary>As herd prints a state line: <c>1:r0=0; [x]=1;</c>, with no trailing blank.</summary>
    public override string ToString() => string.Join(" ", Values.Select(v => $"{v.Name}={v.Value};"));
}

/// <summary>What checking one test found. Exactly one of <see cref="Verdict"/>, <see cref="Errors"/> or <see cref="Unknown"/> tells the outcome.</summary>
public sealed record TestResult
{
    public required string Path { get; init; }
    public required string Name { get; init; }
    public Verdict? Verdict { get; init; }
    /// <summary>The model the test was checked under (a folder may name its own: <c>FolderModels</c>).</summary>
    public string? ModelName { get; init; }
    /// <summary>herd's Ok/No: whether the quantified condition is validated (exists: some execution satisfies it).</summary>
    public bool Ok { get; init; }
    /// <summary>No execution is allowed at all (herd's <c>Never 0 0</c>, the kernel scripts' DEADLOCK).</summary>
    public bool NoExecutions { get; init; }
    public IReadOnlyList<string> Flags { get; init; } = [];
    /// <summary>The reachable final states, when asked for (<c>--states</c>).</summary>
    public IReadOnlyList<FinalState>? States { get; init; }
    /// <summary>With the states: how many allowed executions (herd's candidates, by rf and co) satisfy the proposition, and how many do not.</summary>
    public ExecutionCounts? Executions { get; init; }
    /// <summary>An execution that reaches the outcome (when witnesses are asked for and one does).</summary>
    public Witness? Witness { get; init; }
    /// <summary>For an unreachable outcome (when witnesses are asked for): the axioms without which it would be reachable.</summary>
    public IReadOnlyList<string> ForbiddenBy { get; init; } = [];
    public ExpectedResult? Expected { get; init; }
    public Quantifier Quantifier { get; init; }
    public string ConditionText { get; init; } = "";
    public TimeSpan Elapsed { get; init; }
    public IReadOnlyList<Diagnostic> Errors { get; init; } = [];
    /// <summary>Problems reported with the verdict, e.g. an unregistered expedited membarrier (-EPERM).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];
    /// <summary>
    /// How the verdict was reached: <see cref="DecisionEngine.Explicit"/> when the model ran on every candidate
    /// execution, <see cref="DecisionEngine.Solver"/> when Z3 decided.
    /// </summary>
    public DecisionEngine DecidedBy { get; init; } = DecisionEngine.Solver;
    /// <summary>Why the solver could not decide (time limit), when it could not.</summary>
    public string? Unknown { get; init; }

    public bool IsError => Errors.Count > 0;

    /// <summary>The kernel scripts' word for the outcome: Never, Sometimes, Always, or DEADLOCK.</summary>
    public string? VerdictWord => NoExecutions ? "DEADLOCK" : Verdict?.ToString();
}

/// <summary>herd's Positive/Negative: allowed executions that satisfy the proposition, and those that do not.</summary>
public sealed record ExecutionCounts(long Positive, long Negative);
