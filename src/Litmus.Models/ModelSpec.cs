using System.Collections.Concurrent;
using Litmus.Models.Plan;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Models;

/// <summary>
/// A memory model ready to run: the bell file (annotations), the cat file (axioms), the macro files (C
/// primitives to events), the variants that <c>if "name"</c> tests, and where includes are found.
/// </summary>
public sealed record ModelSpec(
    string Name,
    CatModel? Bell,
    CatModel Cat,
    IReadOnlyList<MacroFile> Macros,
    IReadOnlySet<string> Variants,
    IModelResolver Resolver)
{
    /// <summary>
    /// Whether the model generates co itself: some file it reads declares herd's <c>withoutco</c> (upstream
    /// linux-kernel.cat does, through lock.cat and cos-opt.cat). The execution is built differently then, so this
    /// is known before the model runs. A model that binds co with <c>with co from ...</c> (herd's cos.cat, which
    /// rc11.cat and the c11_*.cat models include) generates it too, without saying <c>withoutco</c>: herd then
    /// fixes the final writes (FW) from the test's final state before the model runs, and the model's co0 orders
    /// them last, so the chosen co agrees with the final state. Taking the engine's co there instead would let
    /// the generated co contradict the final state (2+2W became reachable).
    /// </summary>
    public bool GeneratesCo => _generatesCo ??= Declares(m => m.Options.Contains("withoutco"), s => s is CatWith { Name: "co" });

    private bool? _generatesCo;

    /// <summary>
    /// The model compiled (bell file, then cat file), once for every test and thread that runs it. A model that
    /// does not compile is compiled again by each run, so that each reports the error.
    /// </summary>
    public CatPlan Plan
    {
        get
        {
            if (Volatile.Read(ref _plan) is { } plan) return plan;
            lock (_planLock)
                return _plan ??= CatPlan.Compile(Resolver, Variants, Bell is null ? [Cat] : [Bell, Cat]);
        }
    }

    private CatPlan? _plan;
    private readonly object _planLock = new();

    /// <summary>A copy (<c>with</c>) is another model: what was derived from this one is derived again.</summary>
    private ModelSpec(ModelSpec original)
    {
        Name = original.Name;
        Bell = original.Bell;
        Cat = original.Cat;
        Macros = original.Macros;
        Variants = original.Variants;
        Resolver = original.Resolver;
        _planLock = new object();
    }

    private bool Declares(Func<CatModel, bool> byModel, Func<CatStmt, bool> byStatement)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool Walk(CatModel m) => seen.Add(Path.GetFullPath(m.Path))
            && (byModel(m) || m.Statements.Any(s => Includes(s, m.Path)));
        bool Includes(CatStmt s, string file) => byStatement(s) || s switch
        {
            CatInclude inc => TryLoad(inc, file) is { } m && Walk(m),
            CatIfStmt i => i.Then.Concat(i.Else).Any(x => Includes(x, file)),
            CatProcedure p => p.Body.Any(x => Includes(x, file)),
            _ => false,
        };
        return (Bell is not null && Walk(Bell)) || Walk(Cat);
    }

    /// <summary>A missing include is reported when the model runs, with its position; here it declares nothing.</summary>
    private CatModel? TryLoad(CatInclude inc, string file)
    {
        try { return Resolver.Load(inc.File, file, inc.Span); }
        catch (LitmusInputException) { return null; }
    }
}

/// <summary>
/// Resolves includes relative to the including file, then along a search path; parses each file once. Thread-safe:
/// the workers of a run share one model, whose includes are read as the interpreter first meets them.
/// </summary>
public sealed class FileModelResolver(IReadOnlyList<string> searchPath) : IModelResolver
{
    private readonly ConcurrentDictionary<string, Lazy<CatModel>> _cache = new(StringComparer.Ordinal);

    public IReadOnlyList<string> SearchPath { get; } = searchPath;

    public CatModel Load(string file, string includingFile, SourceSpan span)
    {
        var path = Find(file, Path.GetDirectoryName(Path.GetFullPath(includingFile)))
            ?? throw new LitmusInputException(span, $"cannot find included file '{file}' (looked beside {Path.GetFileName(includingFile)} and in {string.Join(", ", SearchPath)})");
        return LoadPath(path);
    }

    public CatModel LoadPath(string path)
    {
        // Lazy: a file is parsed once even when two workers meet it at once (a parse error is thrown to both).
        return _cache.GetOrAdd(Path.GetFullPath(path), p => new Lazy<CatModel>(() => ParseAndReadAhead(p))).Value;
    }

    /// <summary>
    /// Parses a file, and starts parsing the files it includes on other threads: they are needed only when the model
    /// is first run, after the test is read, and in a one-test process that parsing is time on the critical path. A
    /// file read ahead and failing fails the same way when it is loaded (the Lazy keeps the error).
    /// </summary>
    private CatModel ParseAndReadAhead(string path)
    {
        var model = Syntax.CatParser.ParseFile(path);
        foreach (var include in model.Statements.OfType<CatInclude>())
            if (Find(include.File, Path.GetDirectoryName(path)) is { } found && !_cache.ContainsKey(Path.GetFullPath(found)))
                Task.Run(() =>
                {
                    try { LoadPath(found); }
                    catch (LitmusInputException) { } // reported when the include is loaded
                    catch (IOException) { }
                });
        return model;
    }

    /// <summary>
    /// Library files whose functions Litmus provides as solver choices (see the bundled cross.cat): herd's copy
    /// defines them by explicit recursion over every candidate order, which a symbolic execution cannot walk,
    /// so the bundled file, with the same functions and meaning, is read in its place wherever one is bundled.
    /// </summary>
    private static readonly HashSet<string> ProvidedByLitmus = new(StringComparer.Ordinal) { "cross.cat" };

    public string? Find(string file, string? besides)
    {
        if (Path.IsPathRooted(file)) return File.Exists(file) ? file : null;
        if (ProvidedByLitmus.Contains(file) && File.Exists(Path.Combine(ModelLoader.BundledDirectory, file)))
            return Path.Combine(ModelLoader.BundledDirectory, file);
        if (besides is not null && File.Exists(Path.Combine(besides, file))) return Path.Combine(besides, file);
        foreach (var dir in SearchPath)
            if (File.Exists(Path.Combine(dir, file))) return Path.Combine(dir, file);
        return null;
    }
}
