using Xunit.Abstractions;

namespace Litmus.Syntax.Tests;

/// <summary>
/// Parses the shared conformance corpus (third-party tests and herd's Linux-kernel model)
/// when it is present: next to the repository, as shared/corpus. It is read in place, never
/// copied. Where it is absent these tests are skipped, saying what is missing.
/// </summary>
public class CorpusTests(ITestOutputHelper output)
{
    private static string Corpus => RepoPaths.Corpus!;

    private static IEnumerable<string> LitmusFiles()
        => Directory.EnumerateFiles(Corpus, "*.litmus", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private static bool IsC(string file) => File.ReadLines(file).FirstOrDefault()?.StartsWith("C ", StringComparison.Ordinal) == true;

    private static string Relative(string file) => Path.GetRelativePath(Corpus, file);

    [CorpusFact]
    public void Every_C_litmus_test_parses()
    {
        var files = LitmusFiles().Where(IsC).ToList();
        var failures = new List<string>();
        foreach (var file in files)
        {
            try
            {
                var test = LitmusParser.ParseFile(file);
                Assert.Equal("C", test.Arch);
                Assert.NotEmpty(test.Threads);
                SpanChecker.Check(test, file);
            }
            catch (LitmusInputException e)
            {
                failures.Add($"{Relative(file)}: {e.Diagnostics[0].Message}");
            }
        }
        output.WriteLine($"{files.Count - failures.Count} of {files.Count} C litmus tests parsed");
        Assert.True(files.Count > 0, "no C litmus test found in the corpus");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [CorpusFact]
    public void Tests_of_other_architectures_are_rejected_with_one_clear_error()
    {
        var files = LitmusFiles().Where(f => !IsC(f)).ToList();
        foreach (var file in files)
        {
            var d = Errors.Single(() => LitmusParser.ParseFile(file));
            Assert.StartsWith("only C litmus tests are supported", d.Message);
            Assert.Equal((1, 1), (d.Span.Line, d.Span.Column));
        }
        output.WriteLine($"{files.Count} tests of other architectures rejected");
    }

    [CorpusFact("verdicts.tsv")]
    public void Expected_results_agree_with_the_corpus_index()
    {
        var rows = TsvRow.Read(Path.Combine(Corpus, "verdicts.tsv")).ToList();
        int path = rows[0].IndexOf("path"), arch = rows[0].IndexOf("arch"), result = rows[0].IndexOf("result_line");
        Assert.True(path >= 0 && arch >= 0 && result >= 0, "verdicts.tsv lacks a path, arch or result_line column");
        var checkedCount = 0;
        foreach (var row in rows.Skip(1).Where(r => r.Fields.Count > result && r.Fields[arch] == "C"))
        {
            var file = Path.Combine(Corpus, row.Fields[path]);
            if (!File.Exists(file)) continue;
            var expected = LitmusParser.ParseFile(file).Expected;
            var mine = expected is null ? "" : expected.Verdict + (expected.DataRace ? " DATARACE" : "");
            Assert.True(row.Fields[result] == mine, $"{row.Fields[path]}: parsed '{mine}', index says '{row.Fields[result]}'");
            checkedCount++;
        }
        output.WriteLine($"{checkedCount} expected results checked");
        Assert.True(checkedCount > 0, "no C test of verdicts.tsv found in the corpus");
    }

    [CorpusFact("lkmm-model")]
    public void The_linux_kernel_model_parses()
    {
        var model = Path.Combine(Corpus, "lkmm-model");

        var cat = CatParser.ParseFile(Path.Combine(model, "linux-kernel.cat"));
        Assert.Equal("Linux-kernel memory consistency model", cat.Title);
        Assert.Contains(cat.Statements, s => s is Ast.CatInclude { File: "lock.cat" });
        Assert.Contains(cat.Statements, s => s is Ast.CatCheck { Kind: Ast.CatCheckKind.Acyclic, Name: "happens-before" });
        Assert.Contains(cat.Statements, s => s is Ast.CatCheck { IsFlag: true, Name: "data-race" });

        var bell = CatParser.ParseFile(Path.Combine(model, "linux-kernel.bell"));
        Assert.Contains(bell.Statements, s => s is Ast.CatEnum { Name: "Accesses" });
        Assert.Contains(bell.Statements, s => s is Ast.CatInstructions { EventKind: "F" });

        var locks = CatParser.ParseFile(Path.Combine(model, "lock.cat"));
        Assert.Contains(locks.Statements, s => s is Ast.CatWith { Name: "rfe-lf" });

        var macros = MacroParser.ParseFile(Path.Combine(model, "linux-kernel.def"));
        Assert.Contains(macros.Macros, m => m.Name == "READ_ONCE" && m.ExprBody is Ast.PrimitiveExpr);
        Assert.Contains(macros.Macros, m => m.Name == "smp_mb" && m.BlockBody is not null);

        foreach (var (tree, file) in new (object, string)[]
                 {
                     (cat, "linux-kernel.cat"), (bell, "linux-kernel.bell"), (locks, "lock.cat"), (macros, "linux-kernel.def"),
                 })
            SpanChecker.Check(tree, Path.Combine(model, file));

        var config = ConfigParser.ParseFile(Path.Combine(model, "linux-kernel.cfg"));
        Assert.Equal("linux-kernel.cat", config.Get("model"));
        Assert.Equal("linux-kernel.bell", config.Get("bell"));
        Assert.Equal("linux-kernel.def", config.Get("macros"));
        output.WriteLine($"model: {cat.Statements.Count} + {bell.Statements.Count} + {locks.Statements.Count} statements, {macros.Macros.Count} macros");
    }
}
