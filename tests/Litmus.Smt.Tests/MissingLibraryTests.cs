namespace Litmus.Smt.Tests;

public sealed class MissingLibraryTests
{
    [Fact]
    public void Message_is_the_install_hint_then_the_first_line_of_the_reason()
    {
        var message = SolverUnavailableException.MissingLibraryMessage(
            "libz3.so.4: cannot open shared object file: No such file or directory\n  more loader detail\n");
        Assert.Equal(
            "libz3 not found: install it with 'apt-get install -y libz3-4'\n" +
            "libz3.so.4: cannot open shared object file: No such file or directory", message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n")]
    public void Message_without_a_reason_is_one_line(string? reason) =>
        Assert.Equal("libz3 not found: install it with 'apt-get install -y libz3-4'",
            SolverUnavailableException.MissingLibraryMessage(reason));

    [Fact]
    public void Installed_library_reports_its_version() =>
        Assert.Matches(@"^4\.\d+\.\d+", SolverFactory.Z3Version());
}
