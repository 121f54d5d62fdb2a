using System.Runtime.ExceptionServices;
using Litmus.Checking;

namespace Litmus.Cli.Batch;

/// <summary>
/// Checks files on several workers and hands the results over in input order, each as soon as it and every
/// earlier one are done, so the output is the same as a sequential run's. Each worker makes its own checker:
/// a checker and its solver serve one thread only.
/// </summary>
public static class OrderedParallelRun
{
    /// <summary>The cat interpreter and the encoder recurse deeply on big tests; workers get the main thread's room.</summary>

    /// <summary>
    /// The cores one test may use for itself (<see cref="CheckOptions.ListingWorkers"/>): those the run's own workers
    /// leave idle, as when one test is checked, or fewer tests than cores.
    /// </summary>
    public static int CoresPerTest(int jobs, int tests) =>
        Math.Max(1, Environment.ProcessorCount / Math.Max(1, Math.Min(Math.Max(jobs, 1), tests)));

    public static void Run(IReadOnlyList<string> files, int jobs, Func<LitmusChecker> newChecker, Action<TestResult> report) =>
        Run(files, jobs, newChecker, (checker, f) => checker.CheckFile(f), report);

    /// <summary>The same for any worker (e.g. <c>litmus run</c>'s, which holds a checker and runs harnesses).</summary>
    public static void Run<TWorker, TResult>(IReadOnlyList<string> files, int jobs, Func<TWorker> newWorker, Func<TWorker, string, TResult> work, Action<TResult> report)
        where TWorker : IDisposable where TResult : class
    {
        if (jobs <= 1 || files.Count <= 1)
        {
            using var worker = newWorker();
            foreach (var f in files) report(work(worker, f));
            return;
        }

        var results = new TResult?[files.Count];
        var next = -1;
        ExceptionDispatchInfo? failure = null;
        void Work()
        {
            try
            {
                using var worker = newWorker();
                for (var i = Interlocked.Increment(ref next); i < files.Count; i = Interlocked.Increment(ref next))
                {
                    var r = work(worker, files[i]);
                    lock (results) { results[i] = r; Monitor.PulseAll(results); }
                }
            }
            catch (Exception e)
            {
                lock (results) { failure ??= ExceptionDispatchInfo.Capture(e); Monitor.PulseAll(results); }
            }
        }

        // Each worker runs on a thread with the stack the solver's checks need, so they run in place.
        var workers = Enumerable.Range(0, Math.Min(jobs, files.Count))
            .Select(_ => CheckerThread.Start(Work, "litmus worker")).ToList();
        for (var i = 0; i < files.Count; i++)
        {
            TResult r;
            lock (results)
            {
                while (results[i] is null && failure is null) Monitor.Wait(results);
                if (results[i] is null) failure!.Throw();
                r = results[i]!;
            }
            report(r);
        }
        workers.ForEach(t => t.Join());
    }
}
