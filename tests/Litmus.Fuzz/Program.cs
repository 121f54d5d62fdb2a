using Litmus.Tests;

namespace Litmus.Fuzz;

/// <summary>
/// The fuzz driver (docs/fuzzing.md). Usage:
/// <code>dotnet run --project tests/Litmus.Fuzz -- [--seed N] [--inputs N] [--model-inputs N] [--batch N]
///     [--budget SECONDS] [--corpus DIR | --no-corpus] [--out DIR] [--timeout S]</code>
/// Exits 1 when it found a crash, a hang, an unpositioned error or a nondeterministic verdict (each saved under
/// --out with its input), 0 otherwise.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var o = Options.Parse(args);
        if (o is null) return 2;
        var fuzz = new Fuzzer(o);
        return fuzz.Run();
    }
}

public sealed record Options(int Seed, int Inputs, int ModelInputs, int Batch, double Budget, string? Corpus, string Out, int Timeout, string Repo)
{
    public static Options? Parse(string[] args)
    {
        int seed = 1, inputs = 2000, modelInputs = 100, batch = 50, timeout = 2;
        double budget = double.MaxValue;
        string? corpus = null, outDir = null;
        var noCorpus = false;
        var repo = RepoPaths.Root;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--seed": seed = int.Parse(Next()); break;
                case "--inputs": inputs = int.Parse(Next()); break;
                case "--model-inputs": modelInputs = int.Parse(Next()); break;
                case "--batch": batch = int.Parse(Next()); break;
                case "--budget": budget = double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--corpus": corpus = Next(); break;
                case "--no-corpus": noCorpus = true; break;
                case "--out": outDir = Next(); break;
                case "--timeout": timeout = int.Parse(Next()); break;
                default:
                    Console.Error.WriteLine($"fuzz: unknown option {args[i]}");
                    return null;
            }
        }
        if (noCorpus) corpus = null;
        else corpus ??= RepoPaths.Corpus;
        outDir ??= Directory.CreateTempSubdirectory("litmus-fuzz-").FullName;
        return new Options(seed, inputs, modelInputs, batch, budget, corpus, Path.GetFullPath(outDir), timeout, repo);
    }
}
