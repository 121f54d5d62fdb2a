using Litmus.Syntax;

namespace Litmus.Hardware;

/// <summary>
/// The test uses something this machine cannot run as the model means it (an rseq critical section, SRCU,
/// threads in different processes, a primitive without a mapping). The test is skipped, never approximated.
/// </summary>
public sealed class NoFaithfulMappingException(SourceSpan span, string reason) : Exception(reason)
{
    public SourceSpan Span { get; } = span;
}
