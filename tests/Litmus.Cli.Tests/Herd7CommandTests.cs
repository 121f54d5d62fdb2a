namespace Litmus.Cli.Tests;

/// <summary><c>litmus herd7</c>: herd7's command line in, herd7's result blocks out.</summary>
[Collection(CliRunner.Serial)]
public class Herd7CommandTests : IDisposable
{
    private readonly CliRunner _cli = new();
    public void Dispose() => _cli.Dispose();

    private static string Preset => Path.Combine(CliRunner.Repo, "litmus", "models", "lkmm.cfg");

    [Fact]
    public void The_kernel_scripts_command_line_gives_herds_block()
    {
        var (exit, output, _) = _cli.Run("herd7", "-conf", Preset, CliRunner.Bundled("mp/MP+wmb+rmb.litmus"));
        Assert.Equal(0, exit);
        var lines = output.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Equal("Test MP+wmb+rmb Allowed", lines[0]);
        Assert.Contains("Observation MP+wmb+rmb Never 0 3", lines);
    }

    [Fact]
    public void Every_raised_flag_gets_a_flag_line()
    {
        var (_, output, _) = _cli.Run("herd7", "-conf", Preset, _cli.Write("race.litmus", Samples.Race));
        var lines = output.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains("Flag data-race", lines);
        Assert.True(lines.IndexOf("Flag data-race") < lines.FindIndex(l => l.StartsWith("Observation")));
    }

    [Fact]
    public void Options_that_only_shape_herds_figures_are_accepted_and_change_nothing()
    {
        var test = _cli.Write("mp.litmus", Samples.MpExpecting("Never"));
        var plain = _cli.Run("herd7", "-conf", Preset, test);
        var dotDir = Directory.CreateDirectory(Path.Combine(_cli.Dir, "dot")).FullName;
        var dressed = _cli.Run("herd7", "-conf", Preset, "-show", "prop", "-o", dotDir, "-v", "-v", "-q", "-gv",
            "-showevents", "noregs", "-squished", "true", "-graph", "columns", "-timeout", "60", "-exit", "false", test);
        Assert.Equal(0, dressed.Exit);
        static string WithoutTime(string s) => string.Join('\n', s.Split('\n').Where(l => !l.StartsWith("Time ")));
        Assert.Equal(WithoutTime(plain.Out), WithoutTime(dressed.Out));
        Assert.Empty(Directory.GetFiles(dotDir)); // the outcome is Never: no execution reaches it, nothing to draw
    }

    [Fact]
    public void Dash_o_receives_the_graph_of_a_reaching_execution()
    {
        var dotDir = Path.Combine(_cli.Dir, "graphs");
        var (exit, output, _) = _cli.Run("herd7", "-conf", Preset, "-o", dotDir, Path.Combine(CliRunner.Repo, "litmus/tests/sb/SB+pos.litmus"));
        Assert.Equal(0, exit);
        Assert.Contains("Observation SB+pos Sometimes", output);
        Assert.StartsWith("digraph \"SB+pos\"", File.ReadAllText(Path.Combine(dotDir, "SB+pos.dot")));
    }

    [Theory]
    [InlineData("-skipcheck", "sc")]   // would change verdicts: refused, not ignored
    [InlineData("-through", "all")]
    [InlineData("-nosuchoption", "1")]
    public void Other_options_are_refused_with_exit_2(string option, string value)
    {
        var (exit, output, errors) = _cli.Run("herd7", option, value, _cli.Write("mp.litmus", Samples.MpExpecting("Never")));
        Assert.Equal(2, exit);
        Assert.Contains($"unknown herd7 option '{option}'", errors);
        Assert.Empty(output);
    }

    [Fact]
    public void A_test_that_cannot_be_read_is_a_warning_unless_exit_is_true()
    {
        var bad = _cli.Write("bad.litmus", Samples.Truncated);
        var good = _cli.Write("mp.litmus", Samples.MpExpecting("Never"));

        var (exit, output, _) = _cli.Run("herd7", "-conf", Preset, bad, good);
        Assert.Equal(0, exit);
        Assert.Matches("""Warning: File ".*bad\.litmus": \d+:\d+: .* \(User error\)""", output);
        Assert.Contains("Observation MP+test Never", output);

        (exit, output, _) = _cli.Run("herd7", "-conf", Preset, "-exit", "true", bad, good);
        Assert.Equal(2, exit);
        Assert.DoesNotContain("Observation", output);
    }

    [Fact]
    public void Configuration_files_are_found_in_the_include_folders_and_among_the_bundled_models()
    {
        var test = _cli.Write("mp.litmus", Samples.MpExpecting("Never"));
        Assert.Contains("Observation MP+test Never", _cli.Run("herd7", "-conf", "lkmm.cfg", test).Out);
        var folder = Directory.CreateDirectory(Path.Combine(_cli.Dir, "lib")).FullName;
        File.Copy(Path.Combine(CliRunner.Repo, "litmus", "models", "sc.cat"), Path.Combine(folder, "mine.cat"));
        var broken = _cli.Write("broken.litmus", Samples.BrokenMp());
        Assert.Contains("Observation MP+test Never", _cli.Run("herd7", "-I", folder, "-conf", "lkmm.cfg", "-model", "mine.cat", broken).Out);

        var (exit, _, errors) = _cli.Run("herd7", "-conf", "linux-kernel-nowhere.cfg", test);
        Assert.Equal(2, exit);
        Assert.Contains("cannot find 'linux-kernel-nowhere.cfg'", errors);
    }

    [Fact]
    public void Without_test_names_they_are_read_from_stdin_as_herd_does()
    {
        var test = _cli.Write("mp.litmus", Samples.MpExpecting("Never"));
        _cli.Context = _cli.Context with { Stdin = new StringReader($"# tests\n{test}\n\n") };
        Assert.Contains("Observation MP+test Never 0 3", _cli.Run("herd7").Out);
    }
}
