using Litmus.Logic;
using Litmus.Syntax;

namespace Litmus.Encoding;

/// <summary>A model axiom as a formula over the execution: the execution is consistent only if it holds.</summary>
public sealed record Axiom(string Name, Term Holds, SourceSpan Span);

/// <summary>A model flag: raised by an execution in which <see cref="Raised"/> holds; reported, never enforced.</summary>
public sealed record Flag(string Name, Term Raised, SourceSpan Span);

/// <summary>What an execution must satisfy, split by why, so that witnesses can name the axiom an outcome violates.</summary>
public sealed class ConstraintSet
{
    /// <summary>
    /// Facts that define variables: rf picks one write, co is a total order per location; a <c>let rec</c>
    /// variable contains its step's image (and, for an exact fixpoint, each of its pairs is justified by pairs
    /// of smaller rank), and a lower-bound closure variable contains r and is closed under composition with r.
    /// </summary>
    public List<Term> Definitions { get; } = [];
    public List<Axiom> Axioms { get; } = [];
    public List<Flag> Flags { get; } = [];
}
