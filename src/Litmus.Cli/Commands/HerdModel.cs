using Litmus.Models;
using Litmus.Syntax;

namespace Litmus.Cli.Commands;

/// <summary>
/// The model of a <c>litmus herd7</c> run, chosen as herd chooses it: <c>-conf</c> names a configuration,
/// <c>-model</c>/<c>-cat</c>, <c>-bell</c> and <c>-macros</c> override its parts, and every file is looked for as
/// given, then in the <c>-I</c> folders, then among Litmus's bundled models (where herd would look in its
/// library). Without <c>-conf</c> or <c>-model</c>, the bundled Linux-kernel model is used.
/// </summary>
public static class HerdModel
{
    public sealed record Choice(string? Conf, string? Model, string? Bell, string? Macros, IReadOnlyList<string> Variants, IReadOnlyList<string> Folders);

    /// <exception cref="LitmusInputException">A file that cannot be found or read.</exception>
    public static ModelSpec Load(Choice c)
    {
        var variants = c.Variants.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var bell = c.Bell is null ? null : Find(c.Bell, c.Folders);
        var macros = c.Macros is null ? null : Find(c.Macros, c.Folders);
        if (c.Model is null)
            return ModelLoader.Load(c.Conf is null ? ModelLoader.DefaultModel : Find(c.Conf, c.Folders), bell, macros, variants);

        // -model with -conf: the cat file comes from -model, everything else from the configuration.
        if (c.Conf is not null)
        {
            var conf = Find(c.Conf, c.Folders);
            var cfg = ConfigParser.ParseFile(conf);
            string[] beside = [Path.GetDirectoryName(Path.GetFullPath(conf))!, .. c.Folders];
            bell ??= cfg.Get("bell") is { } b ? Find(b, beside) : null;
            macros ??= cfg.Get("macros") is { } m ? Find(m, beside) : null;
            variants.AddRange(cfg.Entries.Where(e => e.Key == "variant")
                .SelectMany(e => e.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        }
        return ModelLoader.Load(Find(c.Model, c.Folders), bell, macros, variants);
    }

    private static string Find(string name, IReadOnlyList<string> folders)
    {
        if (File.Exists(name)) return name;
        if (!Path.IsPathRooted(name))
            foreach (var dir in folders.Append(ModelLoader.BundledDirectory))
                if (File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        throw new LitmusInputException(SourceSpan.At("<command line>", 1, 1),
            $"cannot find '{name}': looked in the current folder, the -I folders and the bundled models ({ModelLoader.BundledDirectory})");
    }
}
