using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Models;

/// <summary>
/// Finds and loads a model the way herd does: a <c>.cfg</c> preset names the cat model, the bell file, the
/// macro file and the variants; a bare name (<c>lkmm</c>) is a bundled preset; a <c>.cat</c> file is a model
/// with the bundled macros. <c>--bell</c> and <c>--macros</c> override the preset's choices. The one place that
/// reads presets, for <c>litmus</c>'s own options and for herd7's (<see cref="LoadAsHerd"/>). A loaded model may
/// be shared by threads: its include cache is thread-safe.
/// </summary>
public static class ModelLoader
{
    /// <summary>Where the bundled models are: <c>models/</c> beside the executable.</summary>
    public static string BundledDirectory => Path.Combine(AppContext.BaseDirectory, "models");

    public const string DefaultModel = "lkmm+membarrier";

    private static readonly SourceSpan CommandLine = SourceSpan.At("<command line>", 1, 1);

    /// <summary><c>--model</c>: a bundled preset's name, a <c>.cfg</c> preset or a <c>.cat</c> file.</summary>
    public static ModelSpec Load(string model, string? bell = null, string? macros = null, IEnumerable<string>? variants = null)
    {
        var vars = new HashSet<string>(variants ?? [], StringComparer.Ordinal);
        if (model.EndsWith(".cfg", StringComparison.Ordinal) || (!model.Contains(".cat") && !model.Contains('/')))
        {
            var cfgPath = model.EndsWith(".cfg", StringComparison.Ordinal) ? model : Path.Combine(BundledDirectory, model + ".cfg");
            if (!File.Exists(cfgPath))
                throw new LitmusInputException(CommandLine, $"no model '{model}': expected a bundled model ({string.Join(", ", BundledNames())}), a .cat file or a .cfg file");
            var preset = Preset.Read(cfgPath, []);
            return Build(cfgPath, preset.CatOrError(), bell ?? preset.Bell, macros ?? preset.Macros, [.. vars, .. preset.Variants], preset.Folder);
        }
        if (!File.Exists(model)) throw new LitmusInputException(CommandLine, $"model file '{model}' does not exist");
        return Build(model, model, bell, macros, vars, Path.GetDirectoryName(Path.GetFullPath(model))!);
    }

    /// <summary>
    /// The model of a <c>litmus herd7</c> run, chosen as herd chooses it: <paramref name="conf"/> (<c>-conf</c>) names
    /// a preset, <paramref name="cat"/> (<c>-model</c>/<c>-cat</c>), <paramref name="bell"/> and
    /// <paramref name="macros"/> override its parts, and every file is looked for as given, then in the
    /// <paramref name="folders"/> (<c>-I</c>), then among the bundled models (where herd would look in its library).
    /// Files a preset names are looked for beside it, then in the folders, then among the bundled models. Without
    /// a preset or a cat file, the bundled Linux-kernel model is used.
    /// </summary>
    /// <exception cref="LitmusInputException">A file that cannot be found or read.</exception>
    public static ModelSpec LoadAsHerd(string? conf, string? cat, string? bell, string? macros, IReadOnlyList<string> variants, IReadOnlyList<string> folders)
    {
        var vars = variants.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        bell = bell is null ? null : Find(bell, folders);
        macros = macros is null ? null : Find(macros, folders);
        if (conf is null && cat is null) return Load(DefaultModel, bell, macros, vars);
        if (conf is null) return Load(Find(cat!, folders), bell, macros, vars);
        var cfgPath = Find(conf, folders);
        var preset = Preset.Read(cfgPath, folders);
        if (cat is null) return Build(cfgPath, preset.CatOrError(), bell ?? preset.Bell, macros ?? preset.Macros, [.. vars, .. preset.Variants], preset.Folder);
        // -model with -conf: the cat file (which names the model and whose folder includes are found in) comes from
        // -model, everything else from the preset.
        var catPath = Find(cat, folders);
        return Build(catPath, catPath, bell ?? preset.Bell, macros ?? preset.Macros, [.. vars, .. preset.Variants], Path.GetDirectoryName(Path.GetFullPath(catPath))!);
    }

    public static IEnumerable<string> BundledNames() =>
        Directory.Exists(BundledDirectory)
            ? Directory.GetFiles(BundledDirectory, "*.cfg").Select(Path.GetFileNameWithoutExtension).Order()!
            : [];

    /// <summary>
    /// A model from its files. <paramref name="namedBy"/> gives the model's name (the preset's or the cat file's);
    /// includes are looked for beside <paramref name="folder"/>'s files, then among the bundled models.
    /// </summary>
    private static ModelSpec Build(string namedBy, string catPath, string? bell, string? macros, IEnumerable<string> variants, string folder)
    {
        macros ??= Path.Combine(BundledDirectory, "lkmm.def");
        if (!File.Exists(macros)) throw new LitmusInputException(CommandLine, $"macro file '{macros}' does not exist");
        if (bell is not null && !File.Exists(bell)) throw new LitmusInputException(CommandLine, $"bell file '{bell}' does not exist");

        var resolver = new FileModelResolver([folder, BundledDirectory]);
        // The engine's own primitives (sys_membarrier(), rseq) come after the model's macros, for every model.
        var engineMacros = Path.Combine(BundledDirectory, "membarrier.def");
        // The macro files and the cat files are parsed at once, on two threads: in a process that checks one test
        // (the kernel's scripts start one per test), parsing is most of the work before the test (docs/performance.md).
        var macroFiles = Task.Run(() =>
        {
            List<MacroFile> files = [MacroParser.ParseFile(macros)];
            if (File.Exists(engineMacros) && Path.GetFullPath(engineMacros) != Path.GetFullPath(macros))
                files.Add(MacroParser.ParseFile(engineMacros));
            return files;
        });
        CatModel? bellModel = null, catModel = null;
        LitmusInputException? catError = null;
        try
        {
            bellModel = bell is null ? null : resolver.LoadPath(bell);
            catModel = resolver.LoadPath(catPath);
        }
        catch (LitmusInputException e)
        {
            catError = e;
        }
        // The macro files' errors first, as when they were read first.
        var macroList = macroFiles.GetAwaiter().GetResult();
        if (catError is not null) throw catError;
        return new ModelSpec(Path.GetFileNameWithoutExtension(namedBy), bellModel, catModel!,
            macroList, new HashSet<string>(variants, StringComparer.Ordinal), resolver);
    }

    /// <summary>A herd7 command-line file: as given, then in the <c>-I</c> folders, then among the bundled models.</summary>
    private static string Find(string name, IReadOnlyList<string> folders)
    {
        if (File.Exists(name)) return name;
        if (!Path.IsPathRooted(name))
            foreach (var dir in folders.Append(BundledDirectory))
                if (File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        throw new LitmusInputException(CommandLine,
            $"cannot find '{name}': looked in the current folder, the -I folders and the bundled models ({BundledDirectory})");
    }

    /// <summary>What a <c>.cfg</c> preset names: its files found beside it, then in <c>folders</c>, then among the bundled models.</summary>
    private sealed record Preset(string Path, string Folder, string? Cat, string? Bell, string? Macros, IReadOnlyList<string> Variants)
    {
        public string CatOrError() => Cat ?? throw new LitmusInputException(CommandLine, $"{Path} names no 'model'");

        public static Preset Read(string cfgPath, IReadOnlyList<string> folders)
        {
            var cfg = ConfigParser.ParseFile(cfgPath);
            var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(cfgPath))!;
            string Resolve(string file)
            {
                if (System.IO.Path.IsPathRooted(file)) return File.Exists(file) ? file : throw NotFound(file);
                foreach (var folder in folders.Prepend(dir).Append(BundledDirectory))
                    if (File.Exists(System.IO.Path.Combine(folder, file))) return System.IO.Path.Combine(folder, file);
                throw NotFound(file);
            }
            LitmusInputException NotFound(string file) => new(CommandLine, $"cannot find '{file}' named by the model preset in {dir}");
            return new Preset(cfgPath, dir,
                cfg.Get("model") is { } model ? Resolve(model) : null,
                cfg.Get("bell") is { } b ? Resolve(b) : null,
                cfg.Get("macros") is { } m ? Resolve(m) : null,
                cfg.Entries.Where(e => e.Key == "variant")
                    .SelectMany(e => e.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList());
        }
    }
}
