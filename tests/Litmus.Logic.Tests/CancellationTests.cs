namespace Litmus.Logic.Tests;

/// <summary>A cancelled factory stops building terms, which is how a test's time limit stops its encoding.</summary>
public class CancellationTests
{
    [Fact]
    public void A_cancelled_factory_throws_within_256_terms()
    {
        using var cancel = new CancellationTokenSource();
        var f = new TermFactory { Cancellation = cancel.Token };
        for (var i = 0; i < 1000; i++) f.BoolVar($"before{i}");
        cancel.Cancel();
        Assert.Throws<OperationCanceledException>(() =>
        {
            for (var i = 0; i < 256; i++) f.BoolVar($"after{i}");
        });
    }

    [Fact]
    public void An_uncancelled_factory_builds_on()
    {
        var f = new TermFactory();
        for (var i = 0; i < 10_000; i++) f.BoolVar($"v{i}");
        Assert.Equal("v9999", f.BoolVar("v9999").Name);
    }
}
