// Placeholder until the parser branch lands; deleted at merge.
namespace Litmus.Syntax.Parsing;
public static class CatParser { public static Ast.CatModel ParseFile(string p) => throw new NotImplementedException(); public static Ast.CatModel Parse(string t, string p) => throw new NotImplementedException(); }
public static class LitmusParser { public static Ast.LitmusTest ParseFile(string p) => throw new NotImplementedException(); public static Ast.LitmusTest Parse(string t, string p) => throw new NotImplementedException(); }
public static class MacroParser { public static Ast.MacroFile ParseFile(string p) => throw new NotImplementedException(); public static Ast.MacroFile Parse(string t, string p) => throw new NotImplementedException(); }
public static class ConfigParser { public static Ast.ConfigFile ParseFile(string p) => throw new NotImplementedException(); public static Ast.ConfigFile Parse(string t, string p) => throw new NotImplementedException(); }
