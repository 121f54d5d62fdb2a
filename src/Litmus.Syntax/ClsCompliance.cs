// The generated ANTLR parsers mark their public types [CLSCompliant(false)]; the assembly says so too, which
// is what keeps the compiler from warning (CS3021) about each of those attributes. No project-wide NoWarn.
[assembly: System.CLSCompliant(false)]
