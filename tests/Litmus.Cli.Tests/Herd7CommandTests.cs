namespace Litmus.Cli.Tests;

/// <summary><c>litmus herd7</c>: herd7's command line in, herd7's result blocks out.</summary>
public sealed class Herd7CommandTests : IDisposable
{
    private readonly CliRunner _cli = new();
    public void Dispose() => _cli.Dispose();

    private static string Preset => Path.Combine(RepoPaths.Root, "litmus", "models", "lkmm.cfg");

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
    public void An_error_in_an_included_model_file_names_that_file()
    {
        var model = _cli.Write("m.cat", "\"m\"\ninclude \"broken.cat\"\nacyclic po as x\n");
        var broken = _cli.Write("broken.cat", "let x = (po\n");
        var (_, _, errors) = _cli.Run("herd7", "-model", model, _cli.Write("mp.litmus", Samples.MpExpecting("Never")));
        Assert.Equal($"Warning: File \"{broken}\", line 1, characters 11-12: expected ')' after expression (User error)\n", errors);
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
    public void Flags_come_in_herds_order_byte_order_not_the_models()
    {
        // herd7 7.58 prints aa, mm, zz for this model (manual/oota/C-JO-OOTA-7: data-race before mixed-accesses).
        var model = _cli.Write("flags.cat", "\"flags\"\nflag ~empty W as zz\nflag ~empty R as aa\nflag ~empty M as mm\n");
        var macros = Path.Combine(RepoPaths.Root, "litmus", "models", "lkmm.def");
        var (_, output, _) = _cli.Run("herd7", "-model", model, "-macros", macros, _cli.Write("mp.litmus", Samples.MpExpecting("Never")));
        Assert.Equal(["Flag aa", "Flag mm", "Flag zz"], output.Split('\n').Where(l => l.StartsWith("Flag ")));
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
        var (exit, output, _) = _cli.Run("herd7", "-conf", Preset, "-o", dotDir, Path.Combine(RepoPaths.Root, "litmus/tests/sb/SB+pos.litmus"));
        Assert.Equal(0, exit);
        Assert.Contains("Observation SB+pos Sometimes", output);
        Assert.StartsWith("digraph \"SB+pos\"", File.ReadAllText(Path.Combine(dotDir, "SB+pos.dot")));
    }

    [Theory]
    [InlineData("-verbose")]          // not -v plus a test named "erbose"
    [InlineData("-variantlkmmv2")]    // not -variant lkmmv2
    [InlineData("-ofoo")]             // not -o foo
    [InlineData("-Ifoo")]
    [InlineData("-vq")]               // not -v -q
    [InlineData("-nosuchoption")]
    public void Options_are_whole_tokens_as_herd_reads_them(string option)
    {
        var (exit, output, errors) = _cli.Run("herd7", "-conf", Preset, option, _cli.Write("mp.litmus", Samples.MpExpecting("Never")));
        Assert.Equal(2, exit);
        Assert.StartsWith($"herd7: unknown option '{option}'.\nUsage herd7 [options] [test]*\n", errors);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData(new[] { "-variant", "bogus" }, "herd7: tag bogus for -variant is wrong, allowed tags are success,instr,")]
    [InlineData(new[] { "-through", "some" }, "herd7: bad tag for -through, allowed tag are all,invalid,none.")]
    [InlineData(new[] { "-speedcheck", "yes" }, "herd7: bad tag for -speedcheck, allowed tag are false,true,fast.")]
    [InlineData(new[] { "-exit", "yes" }, "herd7: wrong argument 'yes'; option '-exit' expects a boolean.")]
    [InlineData(new[] { "-timeout", "soon" }, "herd7: wrong argument 'soon'; option '-timeout' expects a float.")]
    [InlineData(new[] { "-unroll" }, "herd7: wrong argument 'TEST'; option '-unroll' expects an integer.")]
    [InlineData(new[] { "-candidates", "true" }, "herd7: option '-candidates true' is not supported by Litmus")]
    [InlineData(new[] { "-dumpes", "true" }, "herd7: option '-dumpes true' is not supported by Litmus")]
    public void Wrong_arguments_and_refused_options_exit_2_with_herds_message(string[] options, string message)
    {
        var test = _cli.Write("mp.litmus", Samples.MpExpecting("Never"));
        var (exit, output, errors) = _cli.Run(["herd7", "-conf", Preset, .. options, test]);
        Assert.Equal(2, exit);
        Assert.StartsWith(message.Replace("TEST", test), errors);
        Assert.Empty(output);
    }

    [Fact]
    public void Options_herd_takes_at_their_default_change_nothing()
    {
        var test = _cli.Write("mp.litmus", Samples.MpExpecting("Never"));
        var plain = _cli.Run("herd7", "-conf", Preset, test);
        var defaults = _cli.Run("herd7", "-conf=" + Preset, "-optace", "true", "-unroll", "2", "-through", "none", "-candidates", "false",
            "-dumpes", "false", "-initwrites", "false", "-speedcheck", "false", "-variant", "LKMMv2", test);
        Assert.Equal(0, defaults.Exit);
        Assert.Equal(WithoutTime(plain.Out), WithoutTime(defaults.Out));
    }

    [Fact]
    public void Skipcheck_drops_the_named_check_and_through_all_drops_every_check()
    {
        var test = _cli.Write("mp.litmus", Samples.MpExpecting("Never"));
        Assert.Contains("Observation MP+test Never 0 3", _cli.Run("herd7", "-conf", Preset, test).Out);
        Assert.Contains("Observation MP+test Never 0 3", _cli.Run("herd7", "-conf", Preset, "-skipcheck", "no-such-check", test).Out);
        Assert.Contains("Observation MP+test Sometimes 1 3", _cli.Run("herd7", "-conf", Preset, "-skipcheck", "happens-before", test).Out);
        Assert.Contains("Observation MP+test Sometimes 1 3", _cli.Run("herd7", "-conf", Preset, "-skipchecks", "propagation,happens-before", test).Out);
        Assert.Contains("Observation MP+test Sometimes 1 3", _cli.Run("herd7", "-conf", Preset, "-through", "all", test).Out);
    }

    [Fact]
    public void Speedcheck_lists_only_a_state_that_settles_the_condition()
    {
        var sometimes = _cli.Write("broken.litmus", Samples.BrokenMp());
        var lines = Lines(_cli.Run("herd7", "-conf", Preset, "-speedcheck", "true", sometimes).Out);
        Assert.Equal(["Test MP+test Allowed", "States 1", "1:r0=1; 1:r1=0;", "Ok", "Witnesses", "Positive: 1 Negative: 0",
            @"Condition exists (1:r0=1 /\ 1:r1=0)", "Observation MP+test Always 1 0"], lines.Take(8));

        var never = _cli.Write("mp.litmus", Samples.MpExpecting("Never"));
        lines = Lines(_cli.Run("herd7", "-conf", Preset, "-speedcheck", "fast", never).Out);
        Assert.Equal(["Test MP+test Allowed", "States 0", "No", "Witnesses", "Positive: 0 Negative: 0"], lines.Take(5));
        Assert.Contains("Observation MP+test Never 0 0", lines);
    }

    [Fact]
    public void The_block_is_herds_byte_for_byte_but_the_time()
    {
        var lines = Lines(_cli.Run("herd7", "-conf", Preset, _cli.Write("mp.litmus", Samples.BrokenMp())).Out);
        Assert.Equal(["Test MP+test Allowed", "States 4", "1:r0=0; 1:r1=0;", "1:r0=0; 1:r1=1;", "1:r0=1; 1:r1=0;", "1:r0=1; 1:r1=1;",
            "Ok", "Witnesses", "Positive: 1 Negative: 3", @"Condition exists (1:r0=1 /\ 1:r1=0)", "Observation MP+test Sometimes 1 3"],
            lines.Take(11));
        Assert.StartsWith("Time MP+test ", lines[11]);
        // herd7 7.58 prints this hash for this text (checked with ../shared/tools/herd7).
        Assert.Equal("Hash=57a8faa6ae4e33c2143243e6c4c22351", lines[12]);
        Assert.Equal("", lines[13]);
    }

    /// <summary>herd7 7.58 prints exactly these lines for this test (checked with ../shared/tools/herd7).</summary>
    [Fact]
    public void Conditions_typed_inits_and_the_hash_are_printed_as_herd_prints_them()
    {
        var test = _cli.Write("cond.litmus", "C cond\n{ int x = 1; int *y = &x; }\nP0(int *x)\n{\n\tint r0;\n\tr0 = READ_ONCE(*x);\n}\n"
            + "P1(int *x)\n{\n\tWRITE_ONCE(*x, 2);\n}\nexists (0:r0=1 /\\ (x=2 \\/ ~x=1) /\\ ~(0:r0=2 /\\ x=1) \\/ (x=0 => 0:r0=0))\n");
        var lines = Lines(_cli.Run("herd7", "-conf", Preset, test).Out);
        Assert.Equal(["Test cond Allowed", "States 2", "0:r0=1; [x]=2;", "0:r0=2; [x]=2;", "Ok", "Witnesses", "Positive: 2 Negative: 0",
            @"Condition exists (0:r0=1 /\ ([x]=2 \/ not ([x]=1)) /\ not (0:r0=2 /\ [x]=1) \/ ([x]=0 => 0:r0=0))",
            "Observation cond Always 2 0"], lines.Take(9));
        Assert.Equal("Hash=afe10f4feb61f606851d2e1c47e0b930", lines[10]);
    }

    [Fact]
    public void Version_is_in_herds_form_then_says_what_it_is()
    {
        var (exit, output, _) = _cli.Run("herd7", "-version");
        Assert.Equal(0, exit);
        var lines = Lines(output);
        Assert.Matches(@"^7\.58, Rev: litmus-\S+$", lines[0]);
        Assert.Contains("not herd7 itself", lines[1]);
    }

    [Fact]
    public void A_test_that_cannot_be_read_is_a_warning_unless_exit_is_true()
    {
        var bad = _cli.Write("bad.litmus", Samples.Truncated);
        var good = _cli.Write("mp.litmus", Samples.MpExpecting("Never"));

        var (exit, output, errors) = _cli.Run("herd7", "-conf", Preset, bad, good);
        Assert.Equal(0, exit);
        Assert.Matches("""^Warning: File ".*bad\.litmus", line \d+, characters \d+-\d+: .* \(User error\)\n$""", errors);
        Assert.Contains("Observation MP+test Never", output);

        (exit, output, _) = _cli.Run("herd7", "-conf", Preset, "-exit", "true", bad, good);
        Assert.Equal(1, exit);
        Assert.DoesNotContain("Observation", output);

        var missing = Path.Combine(_cli.Dir, "missing.litmus");
        (exit, output, errors) = _cli.Run("herd7", "-conf", Preset, "-exit", "true", missing, good);
        Assert.Equal(1, exit);
        Assert.Equal($"Warning: File \"{missing}\": open_in failed: {missing}: No such file or directory\n", errors);
        Assert.Empty(output);
    }

    [Fact]
    public void An_unknown_macro_is_named_as_herd_names_it()
    {
        var test = _cli.Write("unlock-wait.litmus", "C unlock-wait\n{}\nP0(spinlock_t *s)\n{\n\tspin_unlock_wait(s);\n}\nexists (0:r0=0)\n");
        var (exit, output, errors) = _cli.Run("herd7", "-conf", Preset, test);
        Assert.Equal(0, exit);
        Assert.Empty(output);
        Assert.Equal($"Warning: File \"{test}\": Unknown macro spin_unlock_wait (User error)\n", errors);
    }

    private static List<string> Lines(string output) => output.Split('\n').ToList();

    private static string WithoutTime(string s) => string.Join('\n', s.Split('\n').Where(l => !l.StartsWith("Time ")));

    [Fact]
    public void Configuration_files_are_found_in_the_include_folders_and_among_the_bundled_models()
    {
        var test = _cli.Write("mp.litmus", Samples.MpExpecting("Never"));
        Assert.Contains("Observation MP+test Never", _cli.Run("herd7", "-conf", "lkmm.cfg", test).Out);
        var folder = Directory.CreateDirectory(Path.Combine(_cli.Dir, "lib")).FullName;
        File.Copy(Path.Combine(RepoPaths.Root, "litmus", "models", "sc.cat"), Path.Combine(folder, "mine.cat"));
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
