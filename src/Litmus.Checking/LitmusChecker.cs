using System.Diagnostics;
using Litmus.Encoding;
using Litmus.Logic;
using Litmus.Models;
using Litmus.Smt;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Checking;

/// <summary>
/// Decides tests under one model. A verdict is two satisfiability questions over the allowed executions: can the
/// proposition hold, and can it fail. No execution is ever enumerated. One solver serves every test of a run.
/// Not thread-safe: one checker per worker.
/// </summary>
public sealed class LitmusChecker(ModelSpec model, CheckOptions options, ISolver z3) : IDisposable
{
    public ModelSpec Model { get; } = model;

    /// <summary>How <see cref="TestResult.Unknown"/> begins for a test that reached its time limit.</summary>
    public const string TimeLimitReached = "time limit reached";

    /// <summary>Every question of a test shares the test's time limit (<see cref="CheckOptions.Timeout"/>).</summary>
    private readonly TimeLimitedSolver _solver = new(z3);

    /// <summary>Where a test's folder names its own model (<see cref="FolderModels"/>), that model is used instead of <see cref="Model"/>.</summary>
    public FolderModels? FolderModels { get; set; }

    /// <summary>Starts preparing the solver for the next <see cref="Create"/> while the caller reads its model.</summary>
    public static void Prepare() => SolverFactory.Prepare();

    public static LitmusChecker Create(ModelSpec model, CheckOptions options)
    {
        return new LitmusChecker(model, options, SolverFactory.CreateZ3());
    }

    /// <summary>
    /// Starts parsing a test the caller will check next (<see cref="CheckFile(string, Task{LitmusTest}?)"/>), while it
    /// reads its model: a process that checks one test then spends less time before the test.
    /// </summary>
    public static Task<LitmusTest> ParseAhead(string path) => Task.Run(() => LitmusParser.ParseFile(path));

    /// <summary>
    /// Parses and checks one file; bad input becomes a result with positioned errors, never an exception.
    /// <paramref name="parsed"/>: the file's parse started with <see cref="ParseAhead"/>, if it was.
    /// </summary>
    public TestResult CheckFile(string path, Task<LitmusTest>? parsed = null)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return Check(parsed is null ? LitmusParser.ParseFile(path) : parsed.GetAwaiter().GetResult(), clock, FolderModels?.For(path));
        }
        catch (LitmusInputException e)
        {
            return new TestResult { Path = path, Name = Path.GetFileNameWithoutExtension(path), Errors = e.Diagnostics, Elapsed = clock.Elapsed };
        }
        catch (IOException e)
        {
            return new TestResult
            {
                Path = path, Name = Path.GetFileNameWithoutExtension(path), Elapsed = clock.Elapsed,
                Errors = [Diagnostic.Error(SourceSpan.At(path, 1, 1), e.Message)]
            };
        }
    }

    public TestResult Check(LitmusTest test, Stopwatch? clock = null, ModelSpec? model = null)
    {
        clock ??= Stopwatch.StartNew();
        var result = new TestResult
        {
            Path = test.Path, Name = test.Name, Expected = test.Expected, Quantifier = test.Condition.Quantifier,
            ConditionText = ConditionPrinter.Print(test.Condition), ModelName = (model ?? Model).Name,
        };
        // The time limit covers the whole test: building the encoding (a pathological model or test can spend
        // minutes there without asking the solver anything), the verdict, the flags and the listing of states.
        var cancellation = _solver.StartLimit(options.Timeout);
        try
        {
            var spec = model ?? Model;
            // A model that generates co (the kernel's own lock.cat and cos-opt.cat) is decided over candidates that
            // carry an engine co, which its linearisation then takes (not for a test with locks: see Prepare); if
            // that does not apply, by the solver over the model's own choices.
            var prepared = TestEncoding.Prepare(test, spec, options.Events, engineCo: options.Engine != DecisionEngine.Solver, cancellation);
            var engineCo = prepared.CandidatesCarryCo;
            result = result with { Warnings = prepared.Program.Warnings };
            if (ExplicitDecision.Decide(prepared, options, _solver.ThrowIfSpent,
                    () => TestEncoding.Prepare(test, spec, options.Events, engineCo, cancellation)) is { } o)
                return Outcome(result, o) with { DecidedBy = DecisionEngine.Explicit, Elapsed = clock.Elapsed };
            if (engineCo) prepared = TestEncoding.Prepare(test, spec, options.Events, cancellation: cancellation);
            return Decide(prepared.EncodeModel(), result) with { Elapsed = clock.Elapsed };
        }
        catch (LitmusInputException e)
        {
            return result with { Errors = e.Diagnostics, Elapsed = clock.Elapsed };
        }
        catch (OperationCanceledException) when (_solver.LimitReached)
        {
            return result with { Unknown = $"{TimeLimitReached} ({options.Timeout!.Value.TotalSeconds:g} s)", Elapsed = clock.Elapsed };
        }
    }

    private TestResult Decide(TestEncoding enc, TestResult result)
    {
        var f = enc.Terms;
        AssertAllowedExecutions(enc);

        var canHold = _solver.Check(enc.Condition);
        if (canHold == SolveResult.Unknown) return result with { Unknown = _solver.ReasonUnknown ?? "unknown" };
        Witness? witness = canHold == SolveResult.Sat && options.Witness ? WitnessReader.Read(enc, _solver.Model) : null;
        var canFail = _solver.Check(f.Not(enc.Condition));
        if (canFail == SolveResult.Unknown) return result with { Unknown = _solver.ReasonUnknown ?? "unknown" };

        var (hold, fail) = (canHold == SolveResult.Sat, canFail == SolveResult.Sat);
        ExecutionListing? listing = null;
        var enumerator = new StateEnumerator(enc, _solver, options.CountExecutions, options.VerifyExplicitly, options.ExplicitListing, options.SolverStatesFirst);
        if (options.States && (listing = enumerator.Enumerate()) is null)
            return result with { Unknown = "listing the final states: " + (enumerator.Failure ?? _solver.ReasonUnknown ?? "unknown") };
        if (RaisedFlags(enc) is not { } flags) return result with { Unknown = "deciding the flags: " + (_solver.ReasonUnknown ?? "unknown") };
        var forbiddenBy = !hold && fail && options.Witness ? ForbiddingAxioms(enc) : [];
        return Outcome(result, new Decision(hold, fail, flags, witness, forbiddenBy, listing));
    }

    /// <summary>The result, from what the solver or the explicit check of every candidate found.</summary>
    private static TestResult Outcome(TestResult result, Decision o)
    {
        var verdict = !o.Hold ? Verdict.Never : o.Fail ? Verdict.Sometimes : Verdict.Always;
        var ok = result.Quantifier switch
        {
            Quantifier.Exists => o.Hold,
            Quantifier.NotExists => !o.Hold,
            _ => !o.Fail,
        };
        return result with
        {
            Verdict = verdict,
            Ok = ok,
            NoExecutions = !o.Hold && !o.Fail,
            Witness = o.Witness,
            ForbiddenBy = o.ForbiddenBy,
            Flags = o.Flags,
            States = o.Listing?.States,
            Executions = o.Listing is { Positive: { } p, Negative: { } n } ? new ExecutionCounts(p, n) : null,
        };
    }

    /// <summary>
    /// Why an outcome is Never: the axioms each of which, dropped alone, would let an execution reach it.
    /// (Empty when only several axioms together forbid it.) Asked with the other axioms as assumptions.
    /// </summary>
    private List<string> ForbiddingAxioms(TestEncoding enc)
    {
        AssertAllowedExecutions(enc, withAxioms: false);
        _solver.Assert(enc.Condition);
        var names = new List<string>();
        foreach (var axiom in enc.Constraints.Axioms)
        {
            var others = enc.Constraints.Axioms.Where(a => a != axiom).Select(a => a.Holds).ToArray();
            if (_solver.Check(others) == SolveResult.Sat && !names.Contains(axiom.Name)) names.Add(axiom.Name);
        }
        // Back to the allowed executions, for the questions that follow.
        AssertAllowedExecutions(enc);
        return names;
    }

    /// <summary>A fresh solver state holding the executions the model allows (and the filter keeps).</summary>
    private void AssertAllowedExecutions(TestEncoding enc, bool withAxioms = true)
    {
        _solver.Reset();
        foreach (var d in enc.Constraints.Definitions) _solver.Assert(d);
        if (withAxioms)
            foreach (var a in enc.Constraints.Axioms) _solver.Assert(a.Holds);
        _solver.Assert(enc.Filter);
    }

    /// <summary>A flag is reported when some allowed execution raises it; null when the solver could not tell.</summary>
    private List<string>? RaisedFlags(TestEncoding enc)
    {
        var raised = new List<string>();
        foreach (var flag in enc.Constraints.Flags)
        {
            if (raised.Contains(flag.Name)) continue;
            switch (_solver.Check(flag.Raised))
            {
                case SolveResult.Sat: raised.Add(flag.Name); break;
                case SolveResult.Unknown: return null;
            }
        }
        return raised;
    }

    public void Dispose() => _solver.Dispose();
}
