using System.CommandLine;

namespace Litmus.Cli.Commands;

/// <summary>
/// herd7's own command-line options, spelled as herd spells them (one dash, <c>-key value</c>), for
/// <c>litmus herd7</c>. Those that matter are honoured; those that only shape herd's figures or chatter are
/// accepted and ignored; anything else is refused (exit 2) rather than silently changing what is decided.
/// </summary>
public sealed class Herd7Options
{
    public readonly Argument<string[]> Tests = new("tests") { Description = "Litmus tests (names are read from stdin when none are given, as herd does)", Arity = ArgumentArity.ZeroOrMore };
    public readonly Option<string?> Conf = new("-conf") { HelpName = "FILE", Description = "Configuration file (.cfg) naming model, bell, macros and variants" };
    public readonly Option<string?> Model = new("-model", "-cat") { HelpName = "FILE", Description = "Cat model file, overriding the configuration's" };
    public readonly Option<string?> Bell = new("-bell") { HelpName = "FILE", Description = "Bell file, overriding the configuration's" };
    public readonly Option<string?> Macros = new("-macros") { HelpName = "FILE", Description = "Macro (.def) file, overriding the configuration's" };
    public readonly Option<string[]> Variant = new("-variant") { HelpName = "V,...", Description = "Model variants (comma-separated, repeatable)", AllowMultipleArgumentsPerToken = false };
    public readonly Option<string[]> Include = new("-I", "-set-libdir") { HelpName = "DIR", Description = "Folders searched for -conf, -model, -bell and -macros files after the current one", AllowMultipleArgumentsPerToken = false };
    public readonly Option<double?> Timeout = new("-timeout") { HelpName = "S", Description = "Time limit per test, in seconds" };
    public readonly Option<bool> Exit = new("-exit") { HelpName = "true|false", Description = "true: stop at the first test that cannot be read, with exit status 2" };
    public readonly Option<string?> OutputDir = new("-o") { HelpName = "DIR", Description = "Write each reaching execution as DIR/NAME.dot, as herd saves its graphs; results still go to stdout" };
    public readonly Option<bool> Version = new("-version") { Description = "Print the version and stop" };

    /// <summary>
    /// herd options that take a value and only change herd's figures (dot files, the <c>-show</c> selection, fonts,
    /// layout) or its debug output: they cannot change a verdict, so they are accepted and ignored.
    /// </summary>
    public static readonly string[] IgnoredWithValue =
    [
        "-show", "-showflag", "-nshow", "-showone", "-showevents", "-doshow", "-unshow", "-view", "-graph", "-dotmode",
        "-dotcom", "-dotheader", "-suffix", "-squished", "-mono", "-scale", "-xscale", "-yscale", "-fontname", "-fontsize",
        "-edgefontsizedelta", "-splines", "-pad", "-margin", "-sep", "-overlap", "-edgeattr", "-arrowsize", "-penwidth",
        "-showinitrf", "-showfinalrf", "-showinitwrites", "-showpo", "-showlegend", "-showkind", "-shortlegend",
        "-showthread", "-showobserved", "-movelabel", "-fixedsize", "-extrachars", "-edgemerge", "-labelinit", "-oneinit",
        "-withbox", "-labelbox", "-relabel", "-tikz", "-texmacros", "-debug",
    ];

    /// <summary>herd options without a value that only change chatter or start a viewer: accepted and ignored.</summary>
    public static readonly string[] IgnoredFlags = ["-v", "-q", "-gv", "-evince", "-preview"];

    public IEnumerable<Option> All =>
        new Option[] { Conf, Model, Bell, Macros, Variant, Include, Timeout, Exit, OutputDir, Version }
            .Concat(IgnoredWithValue.Select(name => new Option<string[]>(name) { Description = "(herd figures; ignored)", Hidden = true, AllowMultipleArgumentsPerToken = false }))
            .Concat(IgnoredFlags.Select(name => new Option<bool>(name) { Description = "(ignored)", Hidden = true, Arity = ArgumentArity.Zero }));

    public Herd7Options()
    {
        // An unknown option would otherwise be taken for a test name.
        Tests.Validators.Add(result =>
        {
            foreach (var t in result.Tokens.Select(t => t.Value).Where(v => v.StartsWith('-')))
                result.AddError($"unknown herd7 option '{t}': Litmus accepts -conf, -model, -cat, -bell, -macros, -variant, -I, -timeout, -exit, -o, -version, and ignores options that only change herd's figures (see README)");
        });
    }
}
