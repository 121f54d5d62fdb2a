namespace Litmus.Checking;

/// <summary>How a result compares with the test's own <c>Result:</c> line.</summary>
public enum Judgement { NoExpectation, Match, Mismatch, NotDecided }

/// <summary>
/// The kernel scripts' conventions: the expected word is Never, Sometimes, Always, Maybe or DEADLOCK (no
/// execution at all), optionally followed by DATARACE, which must appear exactly when herd flags a data race.
/// </summary>
public static class Expectations
{
    public static Judgement Judge(TestResult r)
    {
        if (r.Expected is null) return Judgement.NoExpectation;
        if (r.Verdict is null) return Judgement.NotDecided;
        var word = r.Expected.Verdict;
        var verdictOk = word switch
        {
            "DEADLOCK" => r.NoExecutions,
            "Maybe" => r.Verdict == Verdict.Sometimes,
            _ => string.Equals(word, r.Verdict.ToString(), StringComparison.OrdinalIgnoreCase) && !r.NoExecutions
                 || (r.NoExecutions && word == "Never"),
        };
        var raceOk = r.Expected.DataRace == r.Flags.Contains("data-race");
        return verdictOk && raceOk ? Judgement.Match : Judgement.Mismatch;
    }

    /// <summary>What the expectation says, as the kernel writes it (e.g. "Sometimes DATARACE").</summary>
    public static string Describe(Syntax.Ast.ExpectedResult e) => e.Verdict + (e.DataRace ? " DATARACE" : "");
}
