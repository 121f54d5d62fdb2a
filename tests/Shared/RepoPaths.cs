namespace Litmus.Tests;

/// <summary>
/// Finds the repository (the folder holding Litmus.sln) and the shared corpus beside it, for every test project
/// (linked into each one from tests/Shared).
/// </summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string LitmusTests => Path.Combine(Root, "litmus", "tests");

    public static string Membarrier => Path.Combine(Root, "litmus", "membarrier");

    /// <summary>C11 tests (atomics with memory orders), expected under rc11 and rc11+membarrier.</summary>
    public static string C11 => Path.Combine(Root, "litmus", "c11");

    /// <summary>herd7's own model library (rc11.cat, cos.cat, ...) beside the shared herd7, or null.</summary>
    public static string? HerdLibrary =>
        Path.Combine(Root, "..", "shared", "tools", "herd7", "lib") is var p && File.Exists(Path.Combine(p, "rc11.cat")) ? Path.GetFullPath(p) : null;

    /// <summary>The third-party corpus at ../shared/corpus, or null where this machine has none.</summary>
    public static string? Corpus =>
        Path.Combine(Root, "..", "shared", "corpus") is var p && Directory.Exists(p) ? Path.GetFullPath(p) : null;

    /// <summary>The kernel's own model files (tools/memory-model) in the shared corpus, or null.</summary>
    public static string? UpstreamModel => CorpusFile("lkmm-model/linux-kernel.cfg");

    /// <summary>A file or folder of the shared corpus, or null where it is missing.</summary>
    public static string? CorpusFile(string relative) =>
        Corpus is { } c && Path.Combine(c, relative) is var p && (File.Exists(p) || Directory.Exists(p)) ? p : null;

    /// <summary>Above the build first; then above the current folder, for a tool built into a folder outside the tree (the fuzz driver).</summary>
    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Litmus.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Litmus.sln not found above {AppContext.BaseDirectory} or the current folder");
    }
}
