using System.Globalization;

namespace Litmus.Cli.Commands;

/// <summary>A herd7 command line that herd would refuse: the message herd7 prints for it (exit status 2).</summary>
public sealed class Herd7UsageException(string message) : Exception(message);

/// <summary>
/// A herd7 command line, read as herd reads it (OCaml's <c>Arg</c>): a token is an option only when it is exactly
/// an option's name; an option takes the next token as its argument, whatever it looks like; any other token
/// starting with <c>-</c> is an unknown option; the rest are tests. The messages are herd7 7.58's.
/// </summary>
public sealed class Herd7Arguments
{
    public string? Conf { get; private set; }
    public string? Model { get; private set; }
    public string? Bell { get; private set; }
    public string? Macros { get; private set; }
    public List<string> Variants { get; } = [];
    public List<string> Folders { get; } = [];
    public double? TimeoutSeconds { get; private set; }
    public bool Exit { get; private set; }
    public string? OutputDir { get; private set; }
    public bool Version { get; private set; }
    public bool LibDir { get; private set; }
    public bool Help { get; private set; }
    /// <summary><c>-speedcheck true</c> or <c>fast</c>.</summary>
    public bool SpeedCheck { get; private set; }
    /// <summary>The names of the checks not to apply (<c>-skipcheck</c>, <c>-skipchecks</c>).</summary>
    public HashSet<string> SkipChecks { get; } = new(StringComparer.Ordinal);
    /// <summary><c>-through all</c> or <c>invalid</c>: no check applies.</summary>
    public bool ThroughAll { get; private set; }
    public List<string> Tests { get; } = [];

    /// <exception cref="Herd7UsageException">An unknown option, a missing or wrong argument, or an option Litmus refuses.</exception>
    public static Herd7Arguments Parse(IReadOnlyList<string> args)
    {
        var a = new Herd7Arguments();
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            string? value = null;
            if (!Herd7Options.ByName.TryGetValue(token, out var option))
            {
                // OCaml's Arg also reads -key=value as -key value.
                if (token.IndexOf('=') is > 1 and var eq && Herd7Options.ByName.TryGetValue(token[..eq], out option) && option.Kind != Herd7ArgKind.None)
                    value = token[(eq + 1)..];
                else if (token.StartsWith('-')) throw new Herd7UsageException($"unknown option '{token}'.");
                else
                {
                    a.Tests.Add(token);
                    continue;
                }
            }
            token = option.Name;
            if (option.Kind != Herd7ArgKind.None)
            {
                if (value is null && i + 1 >= args.Count) throw new Herd7UsageException($"option '{token}' needs an argument.");
                value ??= args[++i];
                Validate(option, value);
            }
            if (option.Use == Herd7Use.Refused && !(value is not null && option.AcceptedValues?.Contains(value) == true))
                throw new Herd7UsageException(Refusal(option, value));
            if (option.Use == Herd7Use.Honoured) a.Apply(option.Name, value);
        }
        return a;
    }

    private static string Refusal(Herd7Option o, string? value) =>
        $"option '{o.Name}{(value is null ? "" : " " + value)}' is not supported by Litmus, which stands in for herd7 here: {o.Why}"
        + (o.AcceptedValues is { } ok ? $" (only {o.Name} {string.Join("|", ok)} is accepted)." : ".");

    /// <summary>The argument checks herd's <c>Arg</c> specs make, with herd's messages.</summary>
    private static void Validate(Herd7Option o, string value)
    {
        var none = o.OrNone && value == "none";
        switch (o.Kind)
        {
            case Herd7ArgKind.Bool when value is not ("true" or "false"):
                throw new Herd7UsageException($"wrong argument '{value}'; option '{o.Name}' expects a boolean.");
            case Herd7ArgKind.Int when !none && !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _):
                throw new Herd7UsageException($"wrong argument '{value}'; option '{o.Name}' expects an integer.");
            case Herd7ArgKind.Float when !none && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                throw new Herd7UsageException($"wrong argument '{value}'; option '{o.Name}' expects a float.");
            case Herd7ArgKind.Float when o.Name == "-timeout" && !none && !CommonOptions.IsTimeLimit(double.Parse(value, CultureInfo.InvariantCulture)):
                throw new Herd7UsageException($"wrong argument '{value}'; option '-timeout' expects a number of seconds above 0 and at most {CommonOptions.MaxTimeoutSeconds:0}.");
            case Herd7ArgKind.Tag when !o.Tags!.Contains(value, StringComparer.Ordinal):
                throw new Herd7UsageException($"bad tag for {o.Name}, allowed tag are {string.Join(",", o.Tags!)}.");
        }
        if (o.Name == "-variant")
            foreach (var tag in Split(value))
                if (!Herd7Options.IsVariantTag(tag))
                    throw new Herd7UsageException($"tag {tag} for -variant is wrong, allowed tags are {string.Join(",", Herd7Options.VariantTags)}.");
    }

    private static string[] Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private void Apply(string name, string? value)
    {
        switch (name)
        {
            case "-version": Version = true; break;
            case "-libdir": LibDir = true; break;
            case "-help" or "--help": Help = true; break;
            case "-I" or "-set-libdir": Folders.Add(value!); break;
            case "-exit": Exit = value == "true"; break;
            case "-timeout": TimeoutSeconds = value == "none" ? null : double.Parse(value!, CultureInfo.InvariantCulture); break;
            case "-conf": Conf = value; break;
            case "-bell": Bell = value; break;
            case "-macros": Macros = value; break;
            case "-model" or "-cat": Model = value; break;
            case "-variant": Variants.AddRange(Split(value!)); break;
            case "-o": OutputDir = value; break;
            case "-speedcheck": SpeedCheck = value != "false"; break;
            case "-skipcheck": SkipChecks.Add(value!); break;
            case "-skipchecks": SkipChecks.UnionWith(Split(value!)); break;
            case "-through": ThroughAll = value != "none"; break;
            case "-unroll": break; // Litmus's C tests are loop-free (loops are refused when parsed): nothing to unroll.
        }
    }
}
