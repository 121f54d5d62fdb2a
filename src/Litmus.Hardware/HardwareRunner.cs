using System.Diagnostics;
using Litmus.Checking;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Hardware;

/// <summary>
/// Runs one test on this machine and holds the model to it: the model's allowed final states come from the
/// checker (<see cref="CheckOptions.States"/>), the observed ones from the harness, and every observed state
/// must be among the allowed ones. One runner per worker (the checker is not thread-safe).
/// </summary>
public sealed class HardwareRunner(LitmusChecker checker, GccBuild gcc, StressOptions stress) : IDisposable
{
    public void Dispose() => checker.Dispose();

    /// <summary>Told what a long run is doing ("SB+pos: round 3 of 1000"), from another thread.</summary>
    public Action<string>? Progress { get; init; }

    public RunResult Run(string path)
    {
        var clock = Stopwatch.StartNew();
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        var modelName = checker.Model.Name;
        LitmusTest test;
        try
        {
            test = LitmusParser.ParseFile(path);
        }
        catch (LitmusInputException e)
        {
            return new RunResult { Path = path, Name = name, Model = modelName, Errors = e.Diagnostics, Elapsed = clock.Elapsed };
        }
        catch (IOException e)
        {
            return new RunResult { Path = path, Name = name, Model = modelName, Errors = [Diagnostic.Error(SourceSpan.At(path, 1, 1), e.Message)] };
        }
        var result = new RunResult { Path = path, Name = test.Name, Model = modelName, Expected = test.Expected };
        try
        {
            var source = HarnessGenerator.Generate(test);
            result = result with { PlainAccesses = source.PlainAccesses, Registrations = source.Registrations };
            var model = checker.Check(test);
            if (model.IsError) return result with { Errors = model.Errors, Elapsed = clock.Elapsed };
            if (model.Unknown is { } why) return Error(result, test, $"the model could not list its states ({why})", clock);
            var allowed = model.States ?? [];
            var shown = source.Layout.Observed.Take(source.Layout.Shown).Select(s => s.Name).ToList();
            if (allowed is [var first, ..] && !first.Values.Select(v => v.Name).SequenceEqual(shown))
                return Error(result, test, $"the model shows {string.Join(" ", first.Values.Select(v => v.Name))} but the harness records {string.Join(" ", shown)}", clock);

            var exe = gcc.Build(source);
            var output = HarnessRun.Run(exe, test.Threads.Count, stress, Progress is { } p ? line => p($"{test.Name}: {line}") : null);
            return Judge(result, test, source.Layout, output, allowed) with { Elapsed = clock.Elapsed };
        }
        catch (NoFaithfulMappingException e)
        {
            return result with { Skipped = $"{e.Span}: {e.Message}", Elapsed = clock.Elapsed };
        }
        catch (HarnessException e)
        {
            return Error(result, test, e.Message, clock);
        }
    }

    private static RunResult Error(RunResult r, LitmusTest test, string message, Stopwatch clock) =>
        r with { Errors = [Diagnostic.Error(test.NameSpan, message)], Elapsed = clock.Elapsed };

    /// <summary>Each observed state, named as the model names states, is checked against the allowed ones.</summary>
    public static RunResult Judge(RunResult r, LitmusTest test, TestLayout layout, HarnessOutput output, IReadOnlyList<FinalState> allowed)
    {
        var allowedText = allowed.Select(s => s.ToString()).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, SeenState>(StringComparer.Ordinal);
        long filtered = 0;
        foreach (var state in output.States)
        {
            var values = layout.Observed.Select((s, k) => (s.Name, Value: state.Values[k])).ToDictionary(v => v.Name, v => v.Value);
            if (test.Filter is { } filter && !StateCondition.Holds(filter, values))
            {
                filtered += state.Count;
                continue;
            }
            // Named exactly as the checker names states (FinalState.ToString), so the two can be compared.
            var text = new FinalState([.. layout.Observed.Take(layout.Shown).Select((s, k) => (s.Name, state.Values[k].ToString()))], false).ToString();
            var count = state.Count + (seen.TryGetValue(text, out var before) ? before.Count : 0);
            seen[text] = new SeenState(text, count, StateCondition.Holds(test.Condition.Proposition, values), allowedText.Contains(text));
        }
        var notSeen = allowedText.Where(t => !seen.ContainsKey(t)).Order(StringComparer.Ordinal).ToList();
        return r with
        {
            Output = output,
            Filtered = filtered,
            NotSeen = notSeen,
            Seen = [.. seen.Values.OrderByDescending(s => s.Count).ThenBy(s => s.Text, StringComparer.Ordinal)],
        };
    }
}
