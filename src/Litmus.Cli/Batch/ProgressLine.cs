namespace Litmus.Cli.Batch;

/// <summary>
/// "[12/122] checked" on stderr, redrawn in place, for a person watching a terminal. It is erased before every
/// line of results so the two never mix, and left out entirely when stderr is a file or a CI log.
/// </summary>
public sealed class ProgressLine(TextWriter stderr, bool enabled, int total)
{
    private bool _shown;

    public void Show(int done, string last)
    {
        if (!enabled) return;
        stderr.Write($"\r\x1b[2K[{done}/{total}] {last}");
        stderr.Flush();
        _shown = true;
    }

    public void Clear()
    {
        if (!_shown) return;
        stderr.Write("\r\x1b[2K");
        stderr.Flush();
        _shown = false;
    }
}
