using System.Diagnostics;
using System.Globalization;

namespace Litmus.Hardware;

/// <summary>How to stress a test: litmus7's knobs, our names.</summary>
public sealed record StressOptions
{
    /// <summary>Executions of the test in all.</summary>
    public long Iterations { get; init; } = 100_000;
    /// <summary>Instances side by side in memory per round (litmus7's size_of_test).</summary>
    public long Size { get; init; } = 1000;
    public ulong Seed { get; init; } = 1;
    /// <summary>Pin thread t to CPU (t + round) mod CPUs.</summary>
    public bool Affinity { get; init; }
    /// <summary>Meet before every instance (true), or only before each round (false); null: per instance when
    /// the test has no more threads than the machine has CPUs (spinning for a descheduled thread is wasted time).</summary>
    public bool? SyncEachInstance { get; init; }
    /// <summary>The harness is stopped after this long (a deadlocking test, an overloaded machine).</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromMinutes(10);
}

/// <summary>One final state as the harness saw it: values by observed slot, and how often.</summary>
public sealed record ObservedState(IReadOnlyList<string> Values, long Count);

/// <summary>What a harness run printed.</summary>
public sealed record HarnessOutput(
    long Iterations, long Size, long Rounds, int Threads, int Cpus, bool SyncEachInstance, TimeSpan Elapsed,
    long MembarrierCalls, long MembarrierFailures, IReadOnlyList<ObservedState> States)
{
    /// <summary>Executions left out because a thread gave up waiting for a lock (a deadlock the model has no execution for).</summary>
    public long Stuck { get; init; }
}

/// <summary>Runs a built harness and reads what it prints (see the end of Runtime/harness-main.c).</summary>
public static class HarnessRun
{
    /// <param name="progress">Told "round R of N" about once a second (from another thread).</param>
    public static HarnessOutput Run(string executable, int threads, StressOptions options, Action<string>? progress = null)
    {
        var sync = options.SyncEachInstance ?? threads <= Environment.ProcessorCount;
        var psi = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { options.Iterations, options.Size, (long)(options.Seed & long.MaxValue), options.Affinity ? 1 : 0, sync ? 1 : 0 })
            psi.ArgumentList.Add(a.ToString(CultureInfo.InvariantCulture));
        using var p = Process.Start(psi) ?? throw new HarnessException($"cannot start {executable}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = Task.Run(() =>
        {
            var other = new System.Text.StringBuilder();
            while (p.StandardError.ReadLine() is { } line)
            {
                var w = line.Split(' ');
                if (w is ["progress", var done, var total]) progress?.Invoke($"round {done} of {total}");
                else other.AppendLine(line);
            }
            return other.ToString();
        });
        if (!p.WaitForExit(options.TimeLimit))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            throw new HarnessException($"the harness ran longer than {options.TimeLimit.TotalSeconds:0} s and was stopped (a deadlock, or too many iterations for this machine)");
        }
        return Parse(stdout.Result, p.ExitCode, stderr.Result);
    }

    public static HarnessOutput Parse(string text, int exitCode, string stderr = "")
    {
        long iterations = 0, size = 0, rounds = 0, ns = 0, ok = 0, failed = 0, stuck = 0;
        int threads = 0, cpus = 0;
        var sync = false;
        var states = new List<ObservedState>();
        var ended = false;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = line.Split(' ');
            switch (w[0])
            {
                case "error": throw new HarnessException(line["error ".Length..]);
                case "run":
                    (iterations, size, rounds, threads, cpus, sync) = (L(w[1]), L(w[2]), L(w[3]), (int)L(w[4]), (int)L(w[5]), w[6] == "1");
                    break;
                case "time_ns": ns = L(w[1]); break;
                case "membarrier": (ok, failed) = (L(w[1]), L(w[2])); break;
                case "stuck": stuck = L(w[1]); break;
                case "state": states.Add(new ObservedState([.. w[2..].Select(v => v.StartsWith('&') ? v[1..] : v)], L(w[1]))); break;
                case "end": ended = true; break;
            }
        }
        if (!ended)
            throw new HarnessException($"the harness stopped early (exit code {exitCode}){(stderr.Trim() is { Length: > 0 } e ? ": " + e : "")}");
        return new HarnessOutput(iterations, size, rounds, threads, cpus, sync, TimeSpan.FromTicks(ns / 100), ok, failed, states) { Stuck = stuck };

        static long L(string s) => long.Parse(s, CultureInfo.InvariantCulture);
    }
}
