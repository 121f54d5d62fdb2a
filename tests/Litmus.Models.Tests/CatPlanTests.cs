using Litmus.Models.Plan;
using Litmus.Syntax;

namespace Litmus.Models.Tests;

/// <summary>A model compiled once (<see cref="CatPlan"/>) and run over several executions.</summary>
public class CatPlanTests
{
    private static readonly CatInterpreterTests.MemoryResolver NoFiles = new(new());

    private static CatPlan Compile(string cat) => CatPlan.Compile(NoFiles, new HashSet<string>(), CatParser.Parse(cat, "test.cat"));

    private static ExplicitAlgebra Execution(ERel po, ERel rf) =>
        new(4, new() { ["po"] = po, ["rf"] = rf, ["W"] = new ESet([0, 2]) });

    private static (ExplicitAlgebra Algebra, CatInterpreter<ESet, ERel> Interpreter) Run(CatPlan plan, ERel po, ERel rf)
    {
        var algebra = Execution(po, rf);
        var interpreter = new CatInterpreter<ESet, ERel>(algebra, NoFiles);
        interpreter.Run(plan);
        return (algebra, interpreter);
    }

    private static string Rel(CatInterpreter<ESet, ERel> interpreter, string name) => ((RelValue<ERel>)interpreter.Lookup(name)!).Rel.ToString();

    [Fact]
    public void One_plan_gives_each_execution_its_own_values()
    {
        var plan = Compile("let hb = (po | rf)+\nacyclic hb as causality");
        var (first, i1) = Run(plan, new([(0, 1)]), new([(1, 2)]));
        var (second, i2) = Run(plan, new([(0, 1), (1, 0)]), new([]));
        Assert.Equal("{0->1,0->2,1->2}", Rel(i1, "hb"));
        Assert.Equal([("causality", true, false)], first.Checks);
        Assert.Equal("{0->0,0->1,1->0,1->1}", Rel(i2, "hb"));
        Assert.Equal([("causality", false, false)], second.Checks);
    }

    [Fact]
    public void A_function_sees_the_names_as_they_were_where_it_is_defined()
    {
        var plan = Compile("let a = po\nlet f x = x | a\nlet a = rf\nlet b = f(a)");
        var (_, interpreter) = Run(plan, new([(0, 1)]), new([(2, 3)]));
        Assert.Equal("{0->1,2->3}", Rel(interpreter, "b"));
        Assert.Equal("{2->3}", Rel(interpreter, "a"));
    }

    [Fact]
    public void A_procedure_call_runs_its_body_with_its_own_bindings()
    {
        var plan = Compile("procedure order(r) =\n  let c = r ; r\n  irreflexive c as twice\nend\ncall order(po | rf)\nlet c = rf");
        var (algebra, interpreter) = Run(plan, new([(0, 1), (1, 0)]), new([(2, 3)]));
        Assert.Equal([("twice", false, false)], algebra.Checks);
        Assert.Equal("{2->3}", Rel(interpreter, "c"));
    }

    [Fact]
    public void Threads_share_one_plan()
    {
        var plan = Compile("let rec r = po | (r ; r)\nlet s = domain(r) \\ W");
        var results = new string[64];
        Parallel.For(0, results.Length, i =>
        {
            var (_, interpreter) = Run(plan, new([(i % 3, 1 + (i % 3)), (1 + (i % 3), 3)]), new([]));
            results[i] = Rel(interpreter, "r") + ((SetValue<ESet>)interpreter.Lookup("s")!).Set;
        });
        for (var i = 0; i < results.Length; i++)
        {
            var (_, alone) = Run(Compile("let rec r = po | (r ; r)\nlet s = domain(r) \\ W"), new([(i % 3, 1 + (i % 3)), (1 + (i % 3), 3)]), new([]));
            Assert.Equal(Rel(alone, "r") + ((SetValue<ESet>)alone.Lookup("s")!).Set, results[i]);
        }
    }

    [Fact]
    public void An_unbound_name_in_a_binding_nothing_uses_is_reported_by_every_run()
    {
        var plan = Compile("let unused = nosuch | po\nacyclic po");
        for (var i = 0; i < 2; i++)
        {
            var e = Assert.Throws<LitmusInputException>(() => Run(plan, new([]), new([])));
            Assert.Contains("unbound name 'nosuch'", e.Message);
        }
    }

    [Fact]
    public void Every_stdlib_name_the_compiler_knows_is_a_function_of_the_interpreter()
    {
        var plan = Compile("let fs = (emptyset, domain, range, fencerel, toid, different-values, same-value, map, partition, linearisations, cross, singlestep)");
        var (_, interpreter) = Run(plan, new([]), new([]));
        var items = ((TupleValue)interpreter.Lookup("fs")!).Items;
        Assert.Equal(12, items.Count);
        Assert.All(items.Skip(1), f => Assert.IsType<BuiltinValue>(f));
    }
}
