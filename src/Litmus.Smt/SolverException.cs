namespace Litmus.Smt;

/// <summary>The solver rejected a call (ill-sorted term, invalid state, internal error). Indicates a bug above this layer.</summary>
public sealed class SolverException(string message) : Exception(message);
