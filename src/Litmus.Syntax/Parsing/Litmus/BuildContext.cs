using Litmus.Syntax.Parsing.Infrastructure;

namespace Litmus.Syntax.Parsing.Litmus;

/// <summary>What the AST builders of one C file share: where spans point and where errors go.</summary>
/// <param name="MacroFile">True for .def files, where operator arguments (<c>__atomic_op(X,+,V)</c>) are allowed.</param>
internal sealed record BuildContext(SpanFactory Spans, DiagnosticBag Diagnostics, bool MacroFile);
