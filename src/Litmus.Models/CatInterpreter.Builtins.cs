using Litmus.Models.Plan;
using Litmus.Syntax;

namespace Litmus.Models;

/// <summary>The functions herd provides to every model (its stdlib), written against the algebra.</summary>
public sealed partial class CatInterpreter<TSet, TRel>
{
    /// <summary>The stdlib function of that name (see <see cref="CatCompiler.BuiltinNames"/>), or null.</summary>
    private CatRuntimeValue? Builtin(string name) => name switch
    {
        "emptyset" => EmptyValue.Instance,
        "domain" => Fn("domain", (v, s) => SetOf(_algebra.Domain(AsRel(v, s)))),
        "range" => Fn("range", (v, s) => SetOf(_algebra.Range(AsRel(v, s)))),
        // fencerel(S) = (po ; [S]) ; po: pairs of events separated in program order by an event of S.
        "fencerel" => Fn("fencerel", (v, s) =>
        {
            var po = _algebra.Predefined("po") is { IsSet: false } p ? p.Rel : throw new LitmusInputException(s, "fencerel needs the relation po");
            return RelOf(_algebra.Seq(_algebra.Seq(po, _algebra.Identity(AsSet(v, s))), po));
        }),
        // stdlib's toid(s) = [s].
        "toid" => Fn("toid", (v, s) => RelOf(_algebra.Identity(AsSet(v, s)))),
        "different-values" => Fn("different-values", (v, s) => RelOf(_algebra.DifferentValues(AsRel(v, s)))),
        "same-value" => Fn("same-value", (v, s) => RelOf(_algebra.SameValues(AsRel(v, s)))),
        _ => ChoiceBuiltin(name),
    };

    private static BuiltinValue Fn(string name, Func<CatRuntimeValue, SourceSpan, CatRuntimeValue> f) => new(name, f);
}
