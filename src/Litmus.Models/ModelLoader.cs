using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Models;

/// <summary>
/// Finds and loads a model the way herd does: a <c>.cfg</c> preset names the cat model, the bell file, the
/// macro file and the variants; a bare name (<c>lkmm</c>) is a bundled preset; a <c>.cat</c> file is a model
/// with the bundled macros. <c>--bell</c> and <c>--macros</c> override the preset's choices.
/// </summary>
public static class ModelLoader
{
    /// <summary>Where the bundled models are: <c>models/</c> beside the executable.</summary>
    public static string BundledDirectory => Path.Combine(AppContext.BaseDirectory, "models");

    public const string DefaultModel = "lkmm+membarrier";

    public static ModelSpec Load(string model, string? bell = null, string? macros = null, IEnumerable<string>? variants = null)
    {
        var cli = SourceSpan.At("<command line>", 1, 1);
        string? cfgPath = null, catPath;
        var vars = new HashSet<string>(variants ?? [], StringComparer.Ordinal);
        var searchPath = new List<string>();

        if (model.EndsWith(".cfg", StringComparison.Ordinal) || (!model.Contains(".cat") && !model.Contains('/')))
        {
            cfgPath = model.EndsWith(".cfg", StringComparison.Ordinal) ? model : Path.Combine(BundledDirectory, model + ".cfg");
            if (!File.Exists(cfgPath))
                throw new LitmusInputException(cli, $"no model '{model}': expected a bundled model ({string.Join(", ", BundledNames())}), a .cat file or a .cfg file");
            var cfg = ConfigParser.ParseFile(cfgPath);
            var dir = Path.GetDirectoryName(Path.GetFullPath(cfgPath))!;
            searchPath.Add(dir);
            catPath = Resolve(cfg.Get("model") ?? throw new LitmusInputException(cli, $"{cfgPath} names no 'model'"), dir, cli);
            bell ??= cfg.Get("bell") is { } b ? Resolve(b, dir, cli) : null;
            macros ??= cfg.Get("macros") is { } m ? Resolve(m, dir, cli) : null;
            foreach (var e in cfg.Entries.Where(e => e.Key == "variant"))
                foreach (var v in e.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    vars.Add(v);
        }
        else
        {
            catPath = model;
            if (!File.Exists(catPath)) throw new LitmusInputException(cli, $"model file '{model}' does not exist");
            searchPath.Add(Path.GetDirectoryName(Path.GetFullPath(catPath))!);
        }
        searchPath.Add(BundledDirectory);
        macros ??= Path.Combine(BundledDirectory, "lkmm.def");
        if (!File.Exists(macros)) throw new LitmusInputException(cli, $"macro file '{macros}' does not exist");
        if (bell is not null && !File.Exists(bell)) throw new LitmusInputException(cli, $"bell file '{bell}' does not exist");

        var resolver = new FileModelResolver(searchPath);
        var name = Path.GetFileNameWithoutExtension(cfgPath ?? catPath);
        // The engine's own primitives (sys_membarrier(), rseq) come after the model's macros, for every model.
        var engineMacros = Path.Combine(BundledDirectory, "membarrier.def");
        List<MacroFile> macroFiles = [MacroParser.ParseFile(macros)];
        if (File.Exists(engineMacros) && Path.GetFullPath(engineMacros) != Path.GetFullPath(macros))
            macroFiles.Add(MacroParser.ParseFile(engineMacros));
        return new ModelSpec(name, bell is null ? null : resolver.LoadPath(bell), resolver.LoadPath(catPath), macroFiles, vars, resolver);
    }

    public static IEnumerable<string> BundledNames() =>
        Directory.Exists(BundledDirectory)
            ? Directory.GetFiles(BundledDirectory, "*.cfg").Select(Path.GetFileNameWithoutExtension).Order()!
            : [];

    private static string Resolve(string file, string dir, SourceSpan span)
    {
        var p = Path.IsPathRooted(file) ? file : Path.Combine(dir, file);
        if (File.Exists(p)) return p;
        var bundled = Path.Combine(BundledDirectory, file);
        if (File.Exists(bundled)) return bundled;
        throw new LitmusInputException(span, $"cannot find '{file}' named by the model preset in {dir}");
    }
}
