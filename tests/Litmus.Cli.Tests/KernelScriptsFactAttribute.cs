using Litmus.Tests;

namespace Litmus.Cli.Tests;

/// <summary>
/// The kernel's tools/memory-model scripts, model files and tests, read from the shared corpus (GPL, never copied
/// into the project), and /usr/bin/time, which the scripts run around herd7. Skipped, saying what is missing, elsewhere.
/// </summary>
public sealed class KernelScriptsFactAttribute : FactAttribute
{
    public KernelScriptsFactAttribute()
    {
        Skip = new[] { "lkmm-scripts", "lkmm-model", "lkmm" }.Select(CorpusRequirement.Missing).FirstOrDefault(m => m is not null);
        if (Skip is null && !File.Exists("/usr/bin/time")) Skip = "the kernel's scripts run /usr/bin/time: apt-get install -y time";
    }
}
