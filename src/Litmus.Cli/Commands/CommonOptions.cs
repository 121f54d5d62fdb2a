using System.CommandLine;
using Litmus.Checking;

namespace Litmus.Cli.Commands;

/// <summary>Options shared by the commands that run a model (the "option bag"); each command makes its own.</summary>
public sealed class CommonOptions
{
    public Option<string> Model { get; } = new("--model", "-m", "--conf")
    {
        Description = "Model: a bundled name (lkmm, sc, tso), a .cat file, or a .cfg preset such as a kernel tree's tools/memory-model/linux-kernel.cfg",
        DefaultValueFactory = _ => Models.ModelLoader.DefaultModel,
    };

    public Option<string?> Bell { get; } = new("--bell") { Description = "Bell file (event annotations), overriding the preset's" };

    public Option<string?> Macros { get; } = new("--macros") { Description = "Macro file (.def) mapping C primitives to events, overriding the preset's" };

    public Option<double?> Timeout { get; } = WithinLimits(new("--timeout") { Description = "Time limit per test (encoding, verdict, flags and states), in seconds" });

    public Option<DecisionEngine> Engine { get; } = new("--engine")
    {
        Description = "How tests are decided: auto (by running the model on every candidate execution when they are few, else by the solver), solver (always Z3), explicit (by candidates whenever that applies)",
        DefaultValueFactory = _ => DecisionEngine.Auto,
    };

    /// <summary>The longest time limit: Z3's timer counts milliseconds in 32 bits (49 days).</summary>
    public const double MaxTimeoutSeconds = 4_000_000;

    /// <summary>The time limit per test the command line asked for, or null for none.</summary>
    public TimeSpan? TimeLimit(ParseResult parse) => parse.GetValue(Timeout) is { } s ? TimeSpan.FromSeconds(s) : null;

    /// <summary>Whether <paramref name="seconds"/> can be a time limit (above 0, at most <see cref="MaxTimeoutSeconds"/>; not NaN).</summary>
    public static bool IsTimeLimit(double seconds) => seconds is > 0 and <= MaxTimeoutSeconds;

    private static Option<double?> WithinLimits(Option<double?> option)
    {
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } s && !IsTimeLimit(s))
                r.AddError($"--timeout takes a number of seconds above 0 and at most {MaxTimeoutSeconds:0}, not {s.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        });
        return option;
    }
}
