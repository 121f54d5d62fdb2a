namespace Litmus.Cli.Commands;

/// <summary>What herd7 expects after an option (OCaml's <c>Arg</c> spec kinds).</summary>
public enum Herd7ArgKind { None, String, Bool, Int, Float, Tag }

/// <summary>What Litmus does with a herd7 option.</summary>
public enum Herd7Use
{
    /// <summary>Honoured: it changes what Litmus checks or prints, as it does herd's.</summary>
    Honoured,
    /// <summary>Accepted and without effect: it only shapes herd's figures, chatter or search strategy.</summary>
    NoEffect,
    /// <summary>Refused with exit 2: Litmus cannot do it (when <see cref="Herd7Option.AcceptedValues"/> is set, only other values are refused).</summary>
    Refused,
}

/// <summary>One of herd7's options: its name as herd spells it, its argument, and what Litmus does with it.</summary>
/// <param name="Tags">For <see cref="Herd7ArgKind.Tag"/>: the allowed values, as herd lists them in its error message.</param>
/// <param name="AcceptedValues">For a refused option: the values (herd's defaults) that change nothing, so are accepted.</param>
/// <param name="Why">For a refused option: why Litmus cannot honour it.</param>
public sealed record Herd7Option(string Name, Herd7ArgKind Kind, Herd7Use Use, string Help,
    string[]? Tags = null, string[]? AcceptedValues = null, string? Why = null, bool OrNone = false)
{
    public string ArgumentHint => Kind switch
    {
        Herd7ArgKind.None => "",
        Herd7ArgKind.Bool => "<bool>",
        Herd7ArgKind.Int => OrNone ? "<int|none>" : "<int>",
        Herd7ArgKind.Float => OrNone ? "<float|none>" : "<float>",
        Herd7ArgKind.Tag => "<" + string.Join("|", Tags!) + ">",
        _ => "<arg>",
    };
}

/// <summary>
/// herd7 7.58's command-line options, matched as herd matches them: whole tokens only (<c>-ofoo</c> and <c>-vq</c>
/// are unknown options, not <c>-o foo</c> or <c>-v -q</c>), each option taking exactly its kind of argument. Every
/// option herd knows is listed, with what Litmus does with it, so that an option is never silently misread.
/// </summary>
public static class Herd7Options
{
    private const string Figures = "shapes herd's figures only";
    private const string Enumeration = "needs herd's enumeration of candidate executions";

    /// <summary>herd's -variant tags (herd7 7.58), compared case-insensitively as herd does; <c>T[0-9][0-9]</c> is a pattern.</summary>
    public static readonly string[] VariantTags =
    [
        "success", "instr", "specialx0", "normw", "acqrelasfence", "backcompat", "fullscdepend", "splittedrmw",
        "switchdepscwrite", "switchdepscresult", "lrscdiffok", "mixed", "dontcheckmixed", "weakpredicated", "lkmmv1",
        "lkmmv2", "memtag", "vmsa", "kvm", "synchronous", "sync", "asynchronous", "async", "asymmetric", "asym",
        "handled", "fatal", "faultToNext", "CutOff", "deps", "morello", "instances", "noptebranch", "pte2",
        "pte-squared", "PhantomOnLoad", "OptRfRMW", "ConstrainedUnpredictable", "exp", "self", "cos-opt", "test",
        "T[0-9][0-9]", "asl", "strict", "warn", "S128", "ASLType+Warn", "ASLType+Silence", "ASLType+Check",
        "ASL+Experimental", "ASL+AArch64+UDF", "telechat", "OldSolver", "oota",
    ];

    public static readonly IReadOnlyList<Herd7Option> All =
    [
        // Honoured.
        new("-version", Herd7ArgKind.None, Herd7Use.Honoured, "print the herd7 version Litmus stands in for, then Litmus's own, and stop"),
        new("-libdir", Herd7ArgKind.None, Herd7Use.Honoured, "print the folder of the bundled models (herd's library) and stop"),
        new("-set-libdir", Herd7ArgKind.String, Herd7Use.Honoured, "search <arg> for model files, as -I does"),
        new("-I", Herd7ArgKind.String, Herd7Use.Honoured, "search <arg> for -conf, -model, -bell and -macros files"),
        new("-exit", Herd7ArgKind.Bool, Herd7Use.Honoured, "true: stop with status 1 at the first test that cannot be read"),
        new("-timeout", Herd7ArgKind.Float, Herd7Use.Honoured, "time limit per test, in seconds", OrNone: true),
        new("-conf", Herd7ArgKind.String, Herd7Use.Honoured, "read the configuration file <arg> (model, bell, macros, variants)"),
        new("-bell", Herd7ArgKind.String, Herd7Use.Honoured, "read the bell file <arg>"),
        new("-macros", Herd7ArgKind.String, Herd7Use.Honoured, "read the macro (.def) file <arg>"),
        new("-model", Herd7ArgKind.String, Herd7Use.Honoured, "read the cat model <arg>"),
        new("-cat", Herd7ArgKind.String, Herd7Use.Honoured, "read the cat model <arg>"),
        new("-variant", Herd7ArgKind.String, Herd7Use.Honoured, "model variants, comma-separated, repeatable"),
        new("-o", Herd7ArgKind.String, Herd7Use.Honoured, "write each test's reaching execution to <arg>/NAME.dot"),
        new("-speedcheck", Herd7ArgKind.Tag, Herd7Use.Honoured, "true or fast: list only a state that settles the condition", Tags: ["false", "true", "fast"]),
        new("-skipcheck", Herd7ArgKind.String, Herd7Use.Honoured, "do not apply the model's check named <arg> (cumulates)"),
        new("-skipchecks", Herd7ArgKind.String, Herd7Use.Honoured, "do not apply the listed checks (comma-separated, cumulates)"),
        new("-through", Herd7ArgKind.Tag, Herd7Use.Honoured, "all or invalid: apply none of the model's checks (flags still apply)", Tags: ["all", "invalid", "none"]),
        new("-unroll", Herd7ArgKind.Int, Herd7Use.Honoured, "loop unrolling limit: Litmus's C tests have no loops, so no effect"),
        new("-help", Herd7ArgKind.None, Herd7Use.Honoured, "print this list"),
        new("--help", Herd7ArgKind.None, Herd7Use.Honoured, "print this list"),

        // Accepted, without effect on what is decided or printed.
        new("-v", Herd7ArgKind.None, Herd7Use.NoEffect, "herd's diagnostics"),
        new("-q", Herd7ArgKind.None, Herd7Use.NoEffect, "herd's diagnostics"),
        new("-debug", Herd7ArgKind.String, Herd7Use.NoEffect, "herd's debug messages"),
        new("-morefences", Herd7ArgKind.Bool, Herd7Use.NoEffect, "does nothing in herd either"),
        new("-optace", Herd7ArgKind.Tag, Herd7Use.NoEffect, "herd's candidate generation strategy", Tags: ["false", "true", "iico"]),
        new("-initwrites", Herd7ArgKind.Bool, Herd7Use.NoEffect, "Litmus always represents init writes as write events"),
        new("-archcheck", Herd7ArgKind.Bool, Herd7Use.NoEffect, "test and model are both C"),
        new("-suffix", Herd7ArgKind.String, Herd7Use.NoEffect, Figures),
        new("-view", Herd7ArgKind.Tag, Herd7Use.NoEffect, Figures, Tags: ["gv", "evince", "preview"]),
        new("-gv", Herd7ArgKind.None, Herd7Use.NoEffect, Figures),
        new("-evince", Herd7ArgKind.None, Herd7Use.NoEffect, Figures),
        new("-preview", Herd7ArgKind.None, Herd7Use.NoEffect, Figures),
        new("-show", Herd7ArgKind.Tag, Herd7Use.NoEffect, Figures, Tags: ["prop", "all", "neg", "cond", "none", "wit"]),
        new("-showflag", Herd7ArgKind.String, Herd7Use.NoEffect, Figures),
        new("-nshow", Herd7ArgKind.Int, Herd7Use.NoEffect, Figures),
        new("-showone", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-graph", Herd7ArgKind.Tag, Herd7Use.NoEffect, Figures, Tags: ["free", "cluster", "columns"]),
        new("-dotmode", Herd7ArgKind.Tag, Herd7Use.NoEffect, Figures, Tags: ["plain", "fig"]),
        new("-dotcom", Herd7ArgKind.Tag, Herd7Use.NoEffect, Figures, Tags: ["dot", "neato", "circo"]),
        new("-showevents", Herd7ArgKind.Tag, Herd7Use.NoEffect, Figures, Tags: ["all", "mem", "noregs", "memf"]),
        new("-mono", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-scale", Herd7ArgKind.Float, Herd7Use.NoEffect, Figures),
        new("-xscale", Herd7ArgKind.Float, Herd7Use.NoEffect, Figures),
        new("-yscale", Herd7ArgKind.Float, Herd7Use.NoEffect, Figures),
        new("-dsiy", Herd7ArgKind.Float, Herd7Use.NoEffect, Figures),
        new("-siwidth", Herd7ArgKind.Float, Herd7Use.NoEffect, Figures),
        new("-ptscale", Herd7ArgKind.Float, Herd7Use.NoEffect, Figures),
        new("-boxscale", Herd7ArgKind.Float, Herd7Use.NoEffect, Figures),
        new("-showthread", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-shift", Herd7ArgKind.String, Herd7Use.NoEffect, Figures),
        new("-edgemerge", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-labelinit", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-showlegend", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-showkind", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-shortlegend", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-squished", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-fixedsize", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-extrachars", Herd7ArgKind.Float, Herd7Use.NoEffect, Figures),
        new("-showobserved", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-brackets", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-texmacros", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-tikz", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-showpo", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-showinitrf", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-showfinalrf", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-initrfpos", Herd7ArgKind.String, Herd7Use.NoEffect, Figures),
        new("-finalrfpos", Herd7ArgKind.String, Herd7Use.NoEffect, Figures),
        new("-oneinit", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-initpos", Herd7ArgKind.String, Herd7Use.NoEffect, Figures),
        new("-showinitwrites", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-threadposy", Herd7ArgKind.Float, Herd7Use.NoEffect, Figures),
        new("-doshow", Herd7ArgKind.String, Herd7Use.NoEffect, Figures),
        new("-unshow", Herd7ArgKind.String, Herd7Use.NoEffect, Figures),
        new("-symetric", Herd7ArgKind.String, Herd7Use.NoEffect, Figures),
        new("-noid", Herd7ArgKind.String, Herd7Use.NoEffect, Figures),
        new("-classes", Herd7ArgKind.String, Herd7Use.NoEffect, Figures),
        new("-showraw", Herd7ArgKind.String, Herd7Use.NoEffect, Figures),
        new("-splines", Herd7ArgKind.Tag, Herd7Use.NoEffect, Figures, Tags: ["spline", "true", "line", "false", "polyline", "ortho", "curved", "none"]),
        new("-margin", Herd7ArgKind.Float, Herd7Use.NoEffect, Figures, OrNone: true),
        new("-pad", Herd7ArgKind.Float, Herd7Use.NoEffect, Figures, OrNone: true),
        new("-sep", Herd7ArgKind.String, Herd7Use.NoEffect, Figures),
        new("-fontname", Herd7ArgKind.String, Herd7Use.NoEffect, Figures),
        new("-fontsize", Herd7ArgKind.Int, Herd7Use.NoEffect, Figures, OrNone: true),
        new("-edgefontsizedelta", Herd7ArgKind.Int, Herd7Use.NoEffect, Figures),
        new("-penwidth", Herd7ArgKind.Float, Herd7Use.NoEffect, Figures, OrNone: true),
        new("-arrowsize", Herd7ArgKind.Float, Herd7Use.NoEffect, Figures, OrNone: true),
        new("-edgeattr", Herd7ArgKind.String, Herd7Use.NoEffect, Figures),
        new("-overlap", Herd7ArgKind.String, Herd7Use.NoEffect, Figures),
        new("-relabel", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-withbox", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-labelbox", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-movelabel", Herd7ArgKind.Bool, Herd7Use.NoEffect, Figures),
        new("-dotheader", Herd7ArgKind.String, Herd7Use.NoEffect, Figures),

        // Refused, except at herd's default value where there is one.
        new("-candidates", Herd7ArgKind.Bool, Herd7Use.Refused, "print the count of candidate executions", AcceptedValues: ["false"], Why: Enumeration),
        new("-dumpes", Herd7ArgKind.Bool, Herd7Use.Refused, "dump event structures instead of checking", AcceptedValues: ["false"], Why: "Litmus builds no herd event structures"),
        new("-hexa", Herd7ArgKind.Bool, Herd7Use.Refused, "print numbers in hexadecimal", AcceptedValues: ["false"], Why: "Litmus prints values in decimal only"),
        new("-strictskip", Herd7ArgKind.Bool, Herd7Use.Refused, "retain outcomes allowed by all skipped checks", AcceptedValues: ["false"], Why: Enumeration),
        new("-badexecs", Herd7ArgKind.Bool, Herd7Use.Refused, "give output for tests with bad executions", AcceptedValues: ["true"], Why: "Litmus has no bad-execution filter"),
        new("-checkfilter", Herd7ArgKind.Bool, Herd7Use.Refused, "apply the test's filter", AcceptedValues: ["true"], Why: "Litmus always applies the filter"),
        new("-outcomereads", Herd7ArgKind.Bool, Herd7Use.Refused, "include all memory reads in outcomes", AcceptedValues: ["false"], Why: "Litmus's outcomes are the observed locations"),
        new("-statelessrc11", Herd7ArgKind.Bool, Herd7Use.Refused, "stateless RC11 model checking", AcceptedValues: ["false"], Why: "a different checking engine"),
        new("-dumpallfaults", Herd7ArgKind.Bool, Herd7Use.Refused, "dump final states with all faults", AcceptedValues: ["false"], Why: "Litmus models no faults"),
        new("-restrict", Herd7ArgKind.Tag, Herd7Use.Refused, "restrict outcomes", Tags: ["observed", "nonambiguous", "condone", "none"], AcceptedValues: ["none"], Why: Enumeration),
        new("-machsize", Herd7ArgKind.Tag, Herd7Use.Refused, "basic machine size", Tags: ["auto", "byte", "short", "word", "quad", "s128"], AcceptedValues: ["auto"], Why: "Litmus's values are unsized integers"),
        new("-endian", Herd7ArgKind.Tag, Herd7Use.Refused, "endianness", Tags: ["little", "big"], Why: "Litmus models no mixed-size accesses"),
        new("-throughflag", Herd7ArgKind.String, Herd7Use.Refused, "let through executions flagged so", Why: Enumeration),
        new("-badflag", Herd7ArgKind.String, Herd7Use.Refused, "executions with this flag are bad", Why: "Litmus has no bad-execution filter"),
        new("-cycles", Herd7ArgKind.String, Herd7Use.Refused, "show failing checks as cycles", Why: Figures),
        new("-maxphantom", Herd7ArgKind.Int, Herd7Use.Refused, "maximum phantom updates", Why: "Litmus models no phantom updates", OrNone: true),
        new("-names", Herd7ArgKind.String, Herd7Use.Refused, "select tests by a file of names", Why: "give the tests themselves"),
        new("-excl", Herd7ArgKind.String, Herd7Use.Refused, "exclude tests by a file of names", Why: "give the tests themselves"),
        new("-rename", Herd7ArgKind.String, Herd7Use.Refused, "rename tests", Why: "Litmus keeps the tests' own names"),
        new("-kinds", Herd7ArgKind.String, Herd7Use.Refused, "override the tests' kinds", Why: "Litmus keeps the tests' own quantifiers"),
        new("-conds", Herd7ArgKind.String, Herd7Use.Refused, "override the tests' conditions", Why: "Litmus keeps the tests' own conditions"),
        new("-switch", Herd7ArgKind.None, Herd7Use.Refused, "switch something", Why: "its meaning is herd's internal"),
        new("-web", Herd7ArgKind.None, Herd7Use.Refused, "alias for -conf web.cfg", Why: "Litmus bundles no web.cfg"),
        new("-c11", Herd7ArgKind.None, Herd7Use.Refused, "alias for -conf cpp11.cfg", Why: "Litmus bundles no cpp11.cfg; give -model with a C11 cat file"),
    ];

    public static readonly IReadOnlyDictionary<string, Herd7Option> ByName = All.ToDictionary(o => o.Name, StringComparer.Ordinal);

    public static bool IsVariantTag(string tag) =>
        VariantTags.Contains(tag, StringComparer.OrdinalIgnoreCase)
        || (tag.Length == 3 && char.ToUpperInvariant(tag[0]) == 'T' && char.IsAsciiDigit(tag[1]) && char.IsAsciiDigit(tag[2]));

    /// <summary>The list herd prints after an error and for <c>-help</c>, with what Litmus does with each option.</summary>
    public static string Usage(string program)
    {
        var lines = new List<string> { $"Usage {program} [options] [test]*" };
        foreach (var o in All)
        {
            var note = o.Use switch
            {
                Herd7Use.NoEffect => $" (accepted, no effect: {o.Help})",
                Herd7Use.Refused => o.AcceptedValues is { } ok
                    ? $" {o.Help} (Litmus: only {string.Join("/", ok)}; {o.Why})"
                    : $" {o.Help} (refused by Litmus: {o.Why})",
                _ => " " + o.Help,
            };
            lines.Add($"  {o.Name}{(o.ArgumentHint.Length > 0 ? " " + o.ArgumentHint : "")}{note}");
        }
        return string.Join("\n", lines) + "\n";
    }
}
