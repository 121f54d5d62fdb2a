namespace Litmus.Cli.Tests;

/// <summary>Runs the command line in-process and captures what it prints; writes scratch tests to a temp folder.</summary>
public sealed class CliRunner : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("litmus-cli-").FullName;

    public static string Repo { get; } = FindRepo();

    public string Write(string name, string text)
    {
        var path = Path.Combine(Dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public (int Exit, string Out, string Err) Run(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    public void Dispose() => Directory.Delete(Dir, recursive: true);

    private static string FindRepo()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Litmus.sln"))) return d.FullName;
        throw new InvalidOperationException("repository not found");
    }
}
