using System.CommandLine;

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

    public Option<double?> Timeout { get; } = new("--timeout") { Description = "Solver time limit per test, in seconds" };
}
