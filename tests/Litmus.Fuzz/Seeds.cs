namespace Litmus.Fuzz;

/// <summary>A model folder (files by name) and the presets that load it.</summary>
public sealed record ModelSet(List<(string Name, string Text)> Files, string DefaultPreset)
{
    /// <summary>A preset that reads the mutated file: the file itself if it is one, else one naming it, else the default.</summary>
    public string PresetFor(string file, Random random)
    {
        if (file.EndsWith(".cfg", StringComparison.Ordinal)) return file;
        var naming = Files.Where(f => f.Name.EndsWith(".cfg", StringComparison.Ordinal) && f.Text.Contains(file, StringComparison.Ordinal)).ToList();
        return naming.Count > 0 ? naming[random.Next(naming.Count)].Name : DefaultPreset;
    }
}

/// <summary>The inputs mutants start from: the bundled tests and models, and the shared corpus's when it is there (read in place).</summary>
public sealed record Seeds(List<string> Litmus, List<ModelSet> ModelSets)
{
    public static Seeds Load(string repo, string? corpus)
    {
        var litmus = Files(Path.Combine(repo, "litmus"), "*.litmus").ToList();
        if (corpus is not null)
            litmus.AddRange(Files(corpus, "*.litmus").Where(t => t.StartsWith("C ", StringComparison.Ordinal)));
        var sets = new List<ModelSet> { Folder(Path.Combine(repo, "litmus", "models"), "lkmm+membarrier.cfg") };
        if (corpus is not null && Directory.Exists(Path.Combine(corpus, "lkmm-model")))
            sets.Add(Folder(Path.Combine(corpus, "lkmm-model"), "linux-kernel.cfg"));
        return new Seeds(litmus, sets);
    }

    private static IEnumerable<string> Files(string dir, string pattern) =>
        Directory.EnumerateFiles(dir, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText);

    private static ModelSet Folder(string dir, string preset) => new(
        Directory.GetFiles(dir).Where(f => Path.GetExtension(f) is ".cat" or ".bell" or ".def" or ".cfg")
            .Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList(),
        preset);
}
