using System.Text;
using Litmus.Syntax.Ast;

namespace Litmus.Cli.Output;

/// <summary>
/// The <c>Hash=</c> line of herd7's output for a C test: maintainers' tooling compares it to spot duplicate tests,
/// so it must be byte for byte herd's. herd (7.58) hashes three digests, each an MD5 of a printed form:
/// <list type="bullet">
/// <item>the init block: its items sorted by location (registers first, by thread then name, then globals by name),
///   duplicates dropped, each printed <c>x=0</c>, <c>int x=0</c> or <c>int *y=x</c>, joined by <c>"; "</c>;</item>
/// <item>the code: each thread printed <c>P0(int* x, int* y) {\n BODY \n}\n</c>, with BODY the raw text between the
///   thread's outer braces (comments and blanks included: they change the hash) and each parameter's type without
///   its outer <c>*</c>, followed by <c>*</c>; the threads laid out as one line of herd's code table:
///   <c>" " + P0 + " | " + P1 + " ;\n"</c>;</item>
/// <item>the observed locations (the condition's and <c>locations [...]</c>'s), sorted as the init, joined by <c>"; "</c>.</item>
/// </list>
/// The result is the MD5 of the three raw digests, in hex. Verified against herd7 7.58 on the kernel's tests
/// (<c>docs/conformance.md</c>). A test whose header already carries a <c>Hash=</c> is not recomputed: herd keeps it.
/// </summary>
public static class HerdHash
{
    public static string Of(string source, LitmusTest test)
    {
        if (DeclaredHash(source, test) is { } declared) return declared;
        var digests = Digest(Init(test)).Concat(Digest(Code(source, test))).Concat(Digest(Observed(test))).ToArray();
        return Convert.ToHexStringLower(Md5.Hash(digests));
    }

    /// <summary>herd's info lines (<c>key=value</c> between the name line and the init block) may already hold the hash.</summary>
    private static string? DeclaredHash(string source, LitmusTest test)
    {
        var lines = source.Split('\n');
        for (var i = test.NameSpan.Line; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('{')) break;
            if (line.StartsWith("Hash=", StringComparison.Ordinal) || line.StartsWith("Hash =", StringComparison.Ordinal))
                return line[(line.IndexOf('=') + 1)..].Trim();
        }
        return null;
    }

    private static byte[] Digest(string text) => Md5.Hash(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>herd's location order: registers (by thread, then name) before globals (by name), ordinal.</summary>
    private static readonly Comparer<(int? Thread, string Name)> LocationOrder = Comparer<(int? Thread, string Name)>.Create((a, b) =>
        (a.Thread, b.Thread) switch
        {
            ({ } p, { } q) => p != q ? p.CompareTo(q) : string.CompareOrdinal(a.Name, b.Name),
            ({ }, null) => -1,
            (null, { }) => 1,
            _ => string.CompareOrdinal(a.Name, b.Name),
        });

    private static string Location((int? Thread, string Name) l) => l.Thread is { } p ? $"{p}:{l.Name}" : l.Name;

    private static string Init(LitmusTest test)
    {
        var items = test.Init
            .Select(i => (Key: (i.Thread, i.Name), Item: i))
            .OrderBy(x => x.Key, LocationOrder)
            .DistinctBy(x => x.Key)
            .Select(x => InitItem(x.Item));
        return string.Join("; ", items);
    }

    private static string InitItem(InitItem i)
    {
        var loc = Location((i.Thread, i.Name));
        var value = i.Value is null ? "0" : Value(i.Value);
        if (i.ArraySize is { } size) return $"{i.Type?.Base ?? "int"} {loc}[{size}]";
        return i.Type switch
        {
            null => $"{loc}={value}",
            { PointerDepth: 0 } t => $"{t.Base} {loc}={value}",
            var t => $"{t.Base}{new string('*', t.PointerDepth - 1)} *{loc}={value}",
        };
    }

    /// <summary>An init value as herd's parser keeps it: a constant, or a location's name (<c>&amp;x</c> and <c>x</c> alike).</summary>
    private static string Value(Expr e) => e switch
    {
        IntLiteral k => k.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        NameExpr n => n.Name,
        AddressOfExpr { Target: NameExpr n } => n.Name,
        CallExpr { Arguments: [var only] } => Value(only),
        UnaryExpr { Operator: "-", Operand: IntLiteral k } => (-k.Value).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => e.ToString() ?? "",
    };

    private static string Code(string source, LitmusTest test)
    {
        var offsets = LineOffsets(source);
        var cells = test.Threads.Select(t =>
        {
            var start = offsets[Math.Min(t.Span.Line - 1, offsets.Count - 1)] + Math.Max(t.Span.Column - 1, 0);
            var (parameters, bodyStart) = Parameters(source, start);
            return $"P{t.Index}({parameters}) {{\n{Body(source, bodyStart)}\n}}\n";
        });
        return " " + string.Join(" | ", cells) + " ;\n";
    }

    /// <summary>
    /// The parameter list as herd prints it for the hash: each parameter's type words as written (qualifiers kept:
    /// <c>volatile int</c>), its outer <c>*</c> stripped then one <c>*</c> added (<c>int **p</c> is <c>int** p</c>),
    /// joined by <c>", "</c>. Read from the source because the parsed types drop qualifiers.
    /// </summary>
    private static (string Text, int End) Parameters(string source, int from)
    {
        var open = SkipToChar(source, from, '(');
        var close = source.IndexOf(')', open + 1);
        if (open >= source.Length || close < 0) return ("", from);
        var parameters = source[(open + 1)..close].Split(',')
            .Select(p => System.Text.RegularExpressions.Regex.Matches(p, @"[A-Za-z_][A-Za-z0-9_]*|\*").Select(m => m.Value).ToList())
            .Where(tokens => tokens.Count > 0)
            .Select(tokens =>
            {
                var words = tokens.Where(t => t != "*").ToList();
                var stars = Math.Max(tokens.Count(t => t == "*"), 1);
                return $"{string.Join(" ", words.SkipLast(1))}{new string('*', stars)} {words[^1]}";
            });
        return (string.Join(", ", parameters), close + 1);
    }

    /// <summary>The index of the first <paramref name="c"/> at or after <paramref name="i"/> outside a comment.</summary>
    private static int SkipToChar(string source, int i, char c)
    {
        while (i < source.Length && source[i] != c)
        {
            if (source.AsSpan(i).StartsWith("//")) i = source.IndexOf('\n', i) is var nl && nl < 0 ? source.Length : nl;
            else if (source.AsSpan(i).StartsWith("/*")) i = source.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end && end < 0 ? source.Length : end + 2;
            else i++;
        }
        return i;
    }

    /// <summary>
    /// The raw text between the thread's outer braces, as herd's shallow lexer takes it: the first <c>{</c> outside a
    /// comment opens the body, and braces are then counted without regard to comments or strings.
    /// </summary>
    private static string Body(string source, int from)
    {
        var i = SkipToChar(source, from, '{');
        var depth = 0;
        var body = new StringBuilder();
        for (i++; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '}' && depth == 0) break;
            if (c == '{') depth++;
            else if (c == '}') depth--;
            body.Append(c);
        }
        return body.ToString();
    }

    private static List<int> LineOffsets(string source)
    {
        var offsets = new List<int> { 0 };
        for (var i = 0; i < source.Length; i++)
            if (source[i] == '\n') offsets.Add(i + 1);
        return offsets;
    }

    private static string Observed(LitmusTest test)
    {
        var locations = new HashSet<(int? Thread, string Name)>();
        foreach (var o in test.ObservedLocations) AddLocation(o, locations);
        AddLocations(test.Condition.Proposition, locations);
        return string.Join("; ", locations.Order(LocationOrder).Select(Location));
    }

    private static void AddLocations(Prop p, HashSet<(int?, string)> into)
    {
        switch (p)
        {
            case NotProp n: AddLocations(n.Operand, into); break;
            case AndProp a: AddLocations(a.Left, into); AddLocations(a.Right, into); break;
            case OrProp o: AddLocations(o.Left, into); AddLocations(o.Right, into); break;
            case ImpliesProp i: AddLocations(i.Left, into); AddLocations(i.Right, into); break;
            case CompareProp c:
                AddLocation(c.Left, into);
                // On the right, a bare name is an address (0:r0=x), not a location; [x] and registers are locations.
                if (c.Right is not NameOperand) AddLocation(c.Right, into);
                break;
        }
    }

    private static void AddLocation(Operand o, HashSet<(int?, string)> into)
    {
        switch (o)
        {
            case RegisterOperand r: into.Add((r.Thread, r.Register)); break;
            case NameOperand n: into.Add((null, n.Name)); break;
            case ValueOfOperand v: into.Add((null, v.Name)); break;
        }
    }
}
