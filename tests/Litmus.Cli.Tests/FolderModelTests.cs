namespace Litmus.Cli.Tests;

/// <summary>A folder's litmus-model file names the model its tests are written for; --model overrides it.</summary>
public sealed class FolderModelTests : IDisposable
{
    private readonly CliRunner _cli = new();
    public void Dispose() => _cli.Dispose();

    // MP without barriers: Sometimes under LKMM, Never under sequential consistency.
    private string WriteMp(string folder) => _cli.Write($"{folder}/mp.litmus", Samples.MpExpecting("Never").Replace("smp_wmb();", "").Replace("smp_rmb();", ""));

    [Fact]
    public void A_test_takes_the_model_its_folder_names()
    {
        var sc = WriteMp("sc-tests");
        _cli.Write("sc-tests/litmus-model", "# written for SC\nsc\n");
        var lkmm = WriteMp("kernel-tests");
        Assert.Equal(0, _cli.Run("check", "--expect", sc).Exit);
        Assert.Equal(1, _cli.Run("check", "--expect", lkmm).Exit);
        // A subfolder inherits the nearest file above it.
        Assert.Equal(0, _cli.Run("check", "--expect", WriteMp("sc-tests/deeper")).Exit);
    }

    [Fact]
    public void The_command_line_model_overrides_the_folder()
    {
        var sc = WriteMp("sc-tests");
        _cli.Write("sc-tests/litmus-model", "sc\n");
        Assert.Equal(1, _cli.Run("check", "--expect", "--model", "lkmm", sc).Exit);
    }

    [Fact]
    public void A_bad_folder_model_is_a_positioned_error()
    {
        var test = WriteMp("bad");
        _cli.Write("bad/litmus-model", "\n# nothing yet\nno-such-model\n");
        var (exit, _, errors) = _cli.Run("check", test);
        Assert.Equal(2, exit);
        Assert.Matches(@"litmus-model:3:1: error: this folder's model 'no-such-model' cannot be loaded", errors);
        Assert.DoesNotContain("   at ", errors);
    }
}
