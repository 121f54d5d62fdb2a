namespace Litmus.Syntax.Generated;

internal partial class LitmusCLexer
{
    /// <summary>
    /// A '}' in C code pops back to the mode that opened the brace. A .def file is lexed in
    /// CODE mode from the start, with nothing to pop, so a stray '}' there must stay in CODE
    /// mode (and reach the parser as an error) instead of making ANTLR throw.
    /// </summary>
    public override int PopMode() => ModeStack.Count == 0 ? CurrentMode : base.PopMode();
}
