namespace Litmus.Cli.Tests;

/// <summary>
/// Runs the command line in-process and captures what it prints; writes scratch tests to a temp folder, which is
/// also the run's current folder (paths in baselines and reports are relative to it).
/// </summary>
public sealed class CliRunner : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("litmus-cli-").FullName;

    public CliContext Context { get; set; }

    public CliRunner() => Context = new CliContext { CurrentDirectory = Dir, GetEnvironmentVariable = _ => null };

    public static string Bundled(string test) => Path.Combine(RepoPaths.LitmusTests, test);

    /// <summary>The litmus.dll of this build, for the scripts that run it (LITMUS_DLL).</summary>
    public static string BuildUnderTest { get; } = typeof(Program).Assembly.Location;

    public string Write(string name, string text)
    {
        var path = Path.Combine(Dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string Read(string name) => File.ReadAllText(Path.Combine(Dir, name));

    public (int Exit, string Out, string Err) Run(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = Program.Run(args, o, e, Context);
        return (code, o.ToString(), e.ToString());
    }

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}
