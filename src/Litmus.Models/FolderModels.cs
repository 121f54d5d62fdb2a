using System.Collections.Concurrent;
using Litmus.Syntax;

namespace Litmus.Models;

/// <summary>
/// A folder of tests may name the model its tests are written for, in a file called <see cref="FileName"/> (one
/// line: a model as <c>--model</c> takes it; <c>#</c> starts a comment). A test takes the nearest such file in its
/// folder or above. This is how one command checks kernel tests under LKMM and userspace C11 tests under RC11:
/// their <c>Result:</c> lines are meant for different models. Models are loaded once per name. Thread-safe:
/// the workers of a run share one instance.
/// </summary>
public sealed class FolderModels
{
    public const string FileName = "litmus-model";

    private readonly ConcurrentDictionary<string, string?> _named = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<ModelSpec>> _loaded = new(StringComparer.Ordinal);

    /// <summary>The model the folders above <paramref name="testPath"/> name, or null when none does.</summary>
    public ModelSpec? For(string testPath)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(testPath));
        if (NameFor(dir) is not { } file) return null;
        // Lazy: a model is loaded once even when two workers ask for it at once (a load error is thrown to both).
        return _loaded.GetOrAdd(file, f => new Lazy<ModelSpec>(() => Read(f))).Value;
    }

    /// <summary>The path of the nearest <see cref="FileName"/> file at or above <paramref name="dir"/>.</summary>
    private string? NameFor(string? dir)
    {
        if (dir is null) return null;
        if (_named.TryGetValue(dir, out var known)) return known;
        var here = Path.Combine(dir, FileName);
        return _named[dir] = File.Exists(here) ? here : NameFor(Path.GetDirectoryName(dir));
    }

    private static ModelSpec Read(string file)
    {
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Split('#')[0].Trim();
            if (text.Length == 0) continue;
            // A relative model file is relative to the folder, as a .cfg's file names are.
            var named = text.EndsWith(".cat", StringComparison.Ordinal) || text.EndsWith(".cfg", StringComparison.Ordinal)
                ? Path.Combine(Path.GetDirectoryName(file)!, text) : text;
            try { return ModelLoader.Load(named); }
            catch (LitmusInputException e)
            {
                throw new LitmusInputException(SourceSpan.At(file, i + 1, 1),
                    $"this folder's model '{text}' cannot be loaded: {string.Join("; ", e.Diagnostics.Select(d => d.Message))}");
            }
        }
        throw new LitmusInputException(SourceSpan.At(file, 1, 1), $"{FileName} names no model: write one line such as 'rc11+membarrier'");
    }
}
