namespace Litmus.Syntax.Parsing.Infrastructure;

/// <summary>
/// The last line of defence of every public entry point: whatever goes wrong inside the
/// parser reaches the user as a positioned diagnostic, never as a stack trace.
/// </summary>
internal static class ParseGuard
{
    public static T Run<T>(string path, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (LitmusInputException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new LitmusInputException(SourceSpan.At(path, 1, 1),
                $"internal parser error ({e.GetType().Name}: {e.Message}); please report it with this file");
        }
    }
}
