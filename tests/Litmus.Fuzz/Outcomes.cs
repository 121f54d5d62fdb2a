using System.Text.Json;

namespace Litmus.Fuzz;

/// <summary>
/// What a run decided for each test, read from its --json report: status, verdict, flags and error positions.
/// Two runs of the same inputs must give the same outcomes (undecided tests aside: a time limit is not a verdict).
/// </summary>
public static class Outcomes
{
    public static Dictionary<string, string> Read(string jsonFile)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(jsonFile)) return result;
        using var doc = JsonDocument.Parse(File.ReadAllText(jsonFile));
        foreach (var t in doc.RootElement.GetProperty("tests").EnumerateArray())
        {
            var flags = t.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).Order(StringComparer.Ordinal);
            var errors = t.GetProperty("errors").EnumerateArray()
                .Select(e => $"{e.GetProperty("line")}:{e.GetProperty("column")} {e.GetProperty("message").GetString()}");
            result[t.GetProperty("path").GetString()!] =
                $"{t.GetProperty("status").GetString()} {t.GetProperty("verdict")} noexec={t.GetProperty("noExecutions")} " +
                $"flags=[{string.Join(',', flags)}] errors=[{string.Join("; ", errors)}]";
        }
        return result;
    }

    /// <summary>Errors whose line or column is not a position in the file (the JSON counts from 1).</summary>
    public static IEnumerable<string> Unpositioned(string jsonFile)
    {
        if (!File.Exists(jsonFile)) yield break;
        using var doc = JsonDocument.Parse(File.ReadAllText(jsonFile));
        foreach (var t in doc.RootElement.GetProperty("tests").EnumerateArray())
            foreach (var e in t.GetProperty("errors").EnumerateArray())
                if (e.GetProperty("line").GetInt32() < 1 || e.GetProperty("column").GetInt32() < 1)
                    yield return $"unpositioned error in the JSON report: {t.GetProperty("path").GetString()}: {e.GetProperty("message").GetString()}";
    }

    public static bool IsUndecided(string outcome) => outcome.StartsWith("undecided", StringComparison.Ordinal);

    /// <summary>The tests whose outcomes differ between two runs (both decided), one line each.</summary>
    public static IEnumerable<string> Differences(Dictionary<string, string> a, Dictionary<string, string> b, string what)
    {
        foreach (var key in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
        {
            var (x, y) = (a.GetValueOrDefault(key, "missing"), b.GetValueOrDefault(key, "missing"));
            if (x != y && !IsUndecided(x) && !IsUndecided(y))
                yield return $"nondeterminism ({what}): {key}: {x} | {y}";
        }
    }
}
