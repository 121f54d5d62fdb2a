using Litmus.Syntax;

namespace Litmus.Checking.Barriers;

/// <summary>The verdict with <see cref="Form"/> in a primitive's place; <see cref="Keeps"/> when it is the test's own.</summary>
/// <see cref="Reaching"/>: an execution that reaches the outcome with that form, when the verdict changed and the checker
/// reads witnesses.
public sealed record Alternative(BarrierForm Form, string Verdict, bool Keeps, Witness? Reaching = null)
{
    /// <summary>What the drawing of <see cref="Reaching"/> says was weakened, so that a reader sees which execution the primitive forbids.</summary>
    public string Title(BarrierSite site) =>
        $"{(Form == BarrierForm.Nothing ? "without" : $"with {Form.Name} for")} {site.Original} ({site.Where}): this execution reaches the outcome";
}

/// <summary>What one primitive buys: the verdict with each weaker form in its place, the others unchanged.</summary>
public sealed record SiteReport(BarrierSite Site, IReadOnlyList<Alternative> Alternatives)
{
    /// <summary>Removing it (or making an access plain) changes the verdict.</summary>
    public bool Necessary => Alternatives.Any(a => a.Form.Rank == 0 && !a.Keeps);

    /// <summary>The weakest forms that keep the verdict (two of equal rank when both do); the site's own form when none does.</summary>
    public IReadOnlyList<BarrierForm> Weakest
    {
        get
        {
            var keeping = Alternatives.Where(a => a.Keeps).Select(a => a.Form).ToList();
            return keeping.Count == 0 ? [Site.Form] : keeping.Where(f => f.Rank == keeping.Min(k => k.Rank)).ToList();
        }
    }
}

/// <summary>The whole answer of <c>litmus barriers</c> for one test.</summary>
public sealed record BarrierReport(string Test, string Path, string Model, string Verdict, IReadOnlyList<SiteReport> Sites,
    IReadOnlyList<(BarrierSite Site, BarrierForm Form)> WeakestOverall, int Checks, IReadOnlyList<Diagnostic> Errors);

/// <summary>
/// For each ordering primitive of a test, checks the test again with each weaker form in its place (the others as
/// written), then finds one assignment of forms that keeps the verdict and is weakest overall: minimal in the sense
/// that no single primitive can be weakened further. That search is a minimal-correction walk over the checker's
/// verdicts: it weakens one primitive at a time, as far as the verdict allows, given what it already weakened, and
/// skips every form the first pass already found to break the verdict on its own (weakening the others too can
/// only add executions, so a form that breaks the verdict alone breaks it with them). It needs at most one check
/// per primitive and form, never one per combination.
/// </summary>
public sealed class BarrierAnalysis(LitmusChecker checker)
{
    private int _checks;

    public BarrierReport Analyse(string path)
    {
        var source = File.ReadAllText(path);
        var test = LitmusParser.Parse(source, path);
        var original = checker.Check(test);
        if (original.IsError || original.VerdictWord is null)
            return new BarrierReport(test.Name, path, checker.Model.Name, original.VerdictWord ?? "unknown", [], [], 1,
                original.Errors.Count > 0 ? original.Errors : [Diagnostic.Error(SourceSpan.At(path, 1, 1), original.Unknown ?? "the solver could not decide the test")]);
        _checks = 1;
        var verdict = original.VerdictWord;
        // A model whose macros do not define the kernel's marked accesses checks C11 tests (c11.def): their primitives
        // are the C11 fences and memory orders, and membarrier() weakens to C11 fences.
        var c11 = !checker.Model.Macros.Any(f => f.Macros.Any(m => m.Name == "WRITE_ONCE"));
        var sites = BarrierSites.Find(test, source, c11);
        var errors = new List<Diagnostic>();

        Witness? witness = null;
        string VerdictWith(IReadOnlyDictionary<int, BarrierForm> forms)
        {
            witness = null;
            _checks++;
            var text = SourceText.Replace(source, forms.Select(kv => (sites[kv.Key].Replaced, sites[kv.Key].Rewrite(kv.Value))));
            TestResult r;
            try { r = checker.Check(LitmusParser.Parse(text, path)); }
            catch (LitmusInputException e) { errors.AddRange(e.Diagnostics); return "error"; }
            if (r.IsError) { errors.AddRange(r.Errors); return "error"; }
            witness = r.Witness;
            return r.VerdictWord ?? "unknown";
        }

        var reports = sites.Select(site => new SiteReport(site, site.Weaker.Select(f =>
        {
            var v = VerdictWith(new Dictionary<int, BarrierForm> { [site.Index] = f });
            return new Alternative(f, v, v == verdict, v == verdict ? null : witness);
        }).ToList())).ToList();

        var chosen = new Dictionary<int, BarrierForm>();
        foreach (var r in reports)
        {
            // Candidates: the forms that kept the verdict alone, weakest first; the first that still keeps it wins.
            foreach (var f in r.Alternatives.Where(a => a.Keeps).Select(a => a.Form).OrderBy(f => f.Rank))
            {
                var trial = new Dictionary<int, BarrierForm>(chosen) { [r.Site.Index] = f };
                // The first primitive's single weakenings are exactly the first pass's checks.
                var keeps = chosen.Count == 0 || VerdictWith(trial) == verdict;
                if (!keeps) continue;
                chosen[r.Site.Index] = f;
                break;
            }
        }
        var overall = sites.Select(s => (s, chosen.TryGetValue(s.Index, out var f) ? f : s.Form)).ToList();
        return new BarrierReport(test.Name, path, checker.Model.Name, verdict, reports, overall, _checks,
            errors.DistinctBy(e => e.Message).ToList());
    }
}
