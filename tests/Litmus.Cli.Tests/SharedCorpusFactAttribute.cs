namespace Litmus.Cli.Tests;

/// <summary>
/// A fact that needs the shared corpus (<c>../shared/corpus</c> beside the repository: the kernel's scripts, model
/// files and tests, which are GPL and not copied into the project). Without it the test is reported as skipped,
/// never as passed.
/// </summary>
public class SharedCorpusFactAttribute : FactAttribute
{
    public static string Corpus { get; } = Path.GetFullPath(Path.Combine(CliRunner.Repo, "..", "shared", "corpus"));

    /// <param name="needs">Files or folders of the corpus the test reads.</param>
    public SharedCorpusFactAttribute(params string[] needs)
    {
        foreach (var need in needs)
            if (!File.Exists(Path.Combine(Corpus, need)) && !Directory.Exists(Path.Combine(Corpus, need)))
            {
                Skip = $"needs {Path.Combine(Corpus, need)} (the shared corpus is not beside this checkout)";
                return;
            }
    }
}

/// <summary>The kernel's tools/memory-model scripts, which also run <c>/usr/bin/time</c> around herd7.</summary>
public sealed class KernelScriptsFactAttribute : SharedCorpusFactAttribute
{
    public KernelScriptsFactAttribute() : base("lkmm-scripts", "lkmm-model", "lkmm")
    {
        if (Skip is null && !File.Exists("/usr/bin/time")) Skip = "the kernel's scripts run /usr/bin/time: apt-get install -y time";
    }
}
