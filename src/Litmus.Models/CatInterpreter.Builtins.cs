using Litmus.Syntax;

namespace Litmus.Models;

/// <summary>The functions herd provides to every model (its stdlib), written against the algebra.</summary>
public sealed partial class CatInterpreter<TSet, TRel>
{
    private CatEnv Builtins()
    {
        var b = new Dictionary<string, CatValue>
        {
            ["emptyset"] = EmptyValue.Instance,
            ["domain"] = Fn("domain", (v, s) => new SetValue<TSet>(_algebra.Domain(AsRel(v, s)))),
            ["range"] = Fn("range", (v, s) => new SetValue<TSet>(_algebra.Range(AsRel(v, s)))),
            // fencerel(S) = (po ; [S]) ; po: pairs of events separated in program order by an event of S.
            ["fencerel"] = Fn("fencerel", (v, s) =>
            {
                var po = AsRel(Predefined("po")!, s);
                return new RelValue<TRel>(_algebra.Seq(_algebra.Seq(po, _algebra.Identity(AsSet(v, s))), po));
            }),
            // stdlib's toid(s) = [s].
            ["toid"] = Fn("toid", (v, s) => new RelValue<TRel>(_algebra.Identity(AsSet(v, s)))),
            ["different-values"] = Fn("different-values", (v, s) => new RelValue<TRel>(_algebra.DifferentValues(AsRel(v, s)))),
            ["same-value"] = Fn("same-value", (v, s) => new RelValue<TRel>(_algebra.SameValues(AsRel(v, s)))),
        };
        AddChoiceBuiltins(b);
        return CatEnv.Empty.With(b);
    }

    private static BuiltinValue Fn(string name, Func<CatValue, SourceSpan, CatValue> f) => new(name, f);
}
