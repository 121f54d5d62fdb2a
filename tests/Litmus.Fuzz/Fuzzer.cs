using System.Diagnostics;
using System.Security.Cryptography;


namespace Litmus.Fuzz;

/// <summary>
/// Two phases. Litmus mutants are checked in batches under the default model, each batch with --jobs 1 and
/// --jobs 2 (and every fourth batch with --jobs 1 again), and the outcomes must agree. Model mutants (one
/// .cat, .bell, .def or .cfg file of a model folder changed) each run a few bundled tests under that folder's
/// preset. Every run is checked for crashes, hangs, exit codes and unpositioned errors.
/// </summary>
public sealed class Fuzzer(Options o)
{
    private readonly Random _random = new(o.Seed);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly IncrementalHash _digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Dictionary<string, int> _statuses = new(StringComparer.Ordinal);
    private int _findings, _litmusRun, _modelRun, _undecided, _compared;

    private static readonly string[] ModelTests =
        ["litmus/tests/sb/SB+mbs.litmus", "litmus/tests/mp/MP+wmb+rmb.litmus", "litmus/tests/lb/LB+ctrls.litmus",
         "litmus/tests/locks/MP+locks.litmus", "litmus/membarrier/SB+membarrier+po.litmus"];

    private bool OutOfTime => _clock.Elapsed.TotalSeconds > o.Budget;

    public int Run()
    {
        var seeds = Seeds.Load(o.Repo, o.Corpus);
        Console.WriteLine($"fuzz: seed {o.Seed}; {seeds.Litmus.Count} litmus seeds, {seeds.ModelSets.Count} model folders " +
                          $"({seeds.ModelSets.Sum(s => s.Files.Count)} files); findings go to {o.Out}");
        var mutator = new Mutator(_random);
        Directory.CreateDirectory(o.Out);

        for (var b = 0; _litmusRun < o.Inputs && !OutOfTime; b++)
        {
            var dir = Path.Combine(o.Out, "work", $"batch{b}");
            Directory.CreateDirectory(dir);
            var count = Math.Min(o.Batch, o.Inputs - _litmusRun);
            for (var i = 0; i < count; i++)
            {
                var seed = seeds.Litmus[_random.Next(seeds.Litmus.Count)];
                File.WriteAllText(Path.Combine(dir, $"m{i:D3}.litmus"), mutator.Mutate(seed, seeds.Litmus));
            }
            var started = _clock.Elapsed.TotalSeconds;
            LitmusBatch(dir, repeat: b % 4 == 0);
            _litmusRun += count;
            Directory.Delete(dir, recursive: true);
            ModelsUpTo((int)((long)o.ModelInputs * _litmusRun / Math.Max(1, o.Inputs)), seeds, mutator);
            Console.Error.WriteLine($"fuzz: {_litmusRun} litmus and {_modelRun} model inputs, {_findings} findings, {_clock.Elapsed.TotalSeconds:F0} s (batch {b}: {_clock.Elapsed.TotalSeconds - started:F1} s)");
        }
        ModelsUpTo(o.ModelInputs, seeds, mutator);

        Directory.Delete(Path.Combine(o.Out, "work"), recursive: true);
        var statuses = string.Join(", ", _statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Value} {s.Key}"));
        Console.WriteLine($"fuzz: litmus outcomes: {statuses}; {_compared} compared across --jobs 1/2 and reruns, {_undecided} undecided");
        Console.WriteLine($"fuzz: digest {Convert.ToHexString(_digest.GetHashAndReset())[..16]} (the same for the same seed and counts, run to run)");
        Console.WriteLine($"fuzz: {_litmusRun + _modelRun} inputs ({_litmusRun} litmus, {_modelRun} model) in {_clock.Elapsed.TotalSeconds:F0} s, {_findings} findings");
        return _findings == 0 ? 0 : 1;
    }

    /// <summary>Paths are absolute: in-process, relative ones would be resolved against this process's folder.</summary>
    /// <summary>Model mutants keep pace with the litmus ones, so that a run cut short by its budget has both.</summary>
    private void ModelsUpTo(int target, Seeds seeds, Mutator mutator)
    {
        for (; _modelRun < target && !OutOfTime;)
        {
            var set = seeds.ModelSets[_random.Next(seeds.ModelSets.Count)];
            var dir = Path.Combine(o.Out, "work", $"model{_modelRun}");
            Directory.CreateDirectory(dir);
            foreach (var (name, text) in set.Files) File.WriteAllText(Path.Combine(dir, name), text);
            var (file, original) = set.Files[_random.Next(set.Files.Count)];
            File.WriteAllText(Path.Combine(dir, file), mutator.Mutate(original, set.Files.Select(f => f.Text).ToList()));
            ModelRun(dir, set.PresetFor(file, _random), file);
            _modelRun++;
            Directory.Delete(dir, recursive: true);
        }
    }

    private string[] CheckArgs(string json, int jobs, params string[] rest) =>
        ["check", "--timeout", o.Timeout.ToString(), "--jobs", jobs.ToString(), "--json", json, .. rest];

    private TimeSpan Limit(int tests) => TimeSpan.FromSeconds(60 + tests * (o.Timeout + 2) * 2);

    private void LitmusBatch(string dir, bool repeat)
    {
        var files = Directory.GetFiles(dir, "*.litmus").Order(StringComparer.Ordinal).ToList();
        var first = CliHarness.Run(CheckArgs(Path.Combine(dir, "j1.json"), 1, dir), dir, Limit(files.Count));
        var problems = CliHarness.Problems(first).Concat(Outcomes.Unpositioned(Path.Combine(dir, "j1.json"))).ToList();
        if (first.Hung) { Report("hang", dir, files, problems, "check --jobs 1 ."); Environment.Exit(1); }
        if (problems.Count > 0) Isolate(dir, files, problems);

        var one = Outcomes.Read(Path.Combine(dir, "j1.json"));
        foreach (var (path, outcome) in one.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var status = outcome.Split(' ')[0];
            _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
            if (Outcomes.IsUndecided(outcome)) _undecided++;
            _digest.AppendData(System.Text.Encoding.UTF8.GetBytes($"{path} {(Outcomes.IsUndecided(outcome) ? "undecided" : outcome)}\n"));
        }

        var second = CliHarness.Run(CheckArgs(Path.Combine(dir, "j2.json"), 2, dir), dir, Limit(files.Count));
        var more = CliHarness.Problems(second).Concat(Outcomes.Differences(one, Outcomes.Read(Path.Combine(dir, "j2.json")), "--jobs 1 against --jobs 2")).ToList();
        if (repeat)
        {
            var third = CliHarness.Run(CheckArgs(Path.Combine(dir, "j3.json"), 1, dir), dir, Limit(files.Count));
            more.AddRange(CliHarness.Problems(third).Concat(Outcomes.Differences(one, Outcomes.Read(Path.Combine(dir, "j3.json")), "run against rerun")));
        }
        _compared += one.Count;
        if (more.Count > 0) Report("nondeterminism", dir, files, more, "check --jobs 1 . / --jobs 2 .");
    }

    /// <summary>A batch went wrong: run its files one by one to say which input does it.</summary>
    private void Isolate(string dir, List<string> files, List<string> batchProblems)
    {
        var found = false;
        foreach (var f in files)
        {
            File.Delete(Path.Combine(dir, "single.json"));
            var run = CliHarness.Run(CheckArgs(Path.Combine(dir, "single.json"), 1, f), dir, Limit(1));
            var problems = CliHarness.Problems(run).Concat(Outcomes.Unpositioned(Path.Combine(dir, "single.json"))).ToList();
            if (problems.Count == 0) continue;
            found = true;
            Report("litmus", dir, [f], problems, "check " + Path.GetFileName(f));
            if (run.Hung) Environment.Exit(1);
        }
        if (!found) Report("batch", dir, files, batchProblems, "check --jobs 1 .");
    }

    private void ModelRun(string dir, string preset, string mutated)
    {
        var tests = ModelTests.Select(t => Path.Combine(o.Repo, t)).ToArray();
        var run = CliHarness.Run(CheckArgs(Path.Combine(dir, "model.json"), 1, ["--model", Path.Combine(dir, preset), .. tests]), dir, Limit(tests.Length));
        var problems = CliHarness.Problems(run).Concat(Outcomes.Unpositioned(Path.Combine(dir, "model.json"))).ToList();
        _digest.AppendData(System.Text.Encoding.UTF8.GetBytes($"model {preset} {mutated} exit {run.Exit}\n"));
        if (problems.Count > 0) Report("model", dir, [Path.Combine(dir, mutated)], problems, $"check --model {preset} (in the model folder) " + string.Join(' ', ModelTests));
        if (run.Hung) Environment.Exit(1);
    }

    private void Report(string kind, string dir, IReadOnlyList<string> inputs, IReadOnlyList<string> problems, string command)
    {
        var target = Path.Combine(o.Out, "findings", $"{_findings++:D3}-{kind}");
        Directory.CreateDirectory(target);
        if (kind == "model")
            foreach (var f in Directory.GetFiles(dir).Where(f => !f.EndsWith(".json", StringComparison.Ordinal)))
                File.Copy(f, Path.Combine(target, Path.GetFileName(f)));
        else
            foreach (var f in inputs) File.Copy(f, Path.Combine(target, Path.GetFileName(f)));
        var text = $"command: litmus {command}\n" + string.Join('\n', problems.Distinct()) + "\n";
        File.WriteAllText(Path.Combine(target, "problems.txt"), text);
        Console.WriteLine($"FINDING {target}:\n  " + string.Join("\n  ", problems.Distinct().Take(5)));
    }
}
