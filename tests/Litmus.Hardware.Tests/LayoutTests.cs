namespace Litmus.Hardware.Tests;

/// <summary>Locations, initial values and the recorded final values of the generated harness.</summary>
public class LayoutTests
{
    [Fact]
    public void Locations_are_arrays_of_instances_and_parameters_point_into_them()
    {
        var code = HarnessGenerator.Generate(TestText.Parse("r0 = READ_ONCE(*x);")).Code;
        Assert.Contains("static int *litmus_loc_x;\n", code);
        Assert.Contains("static spinlock_t *litmus_loc_l;\n", code);
        Assert.Contains("\tint *x = (int *)&litmus_loc_x[litmus_i];\n", code);
        Assert.Contains("\tatomic_t *v = (atomic_t *)&litmus_loc_v[litmus_i];\n", code);
    }

    [Fact]
    public void Initial_values_are_constants_or_addresses_of_the_same_instance()
    {
        var code = HarnessGenerator.Generate(TestText.Parse("r0 = READ_ONCE(*x);", init: "int a = 1; int *gp = &a; atomic_t v = ATOMIC_INIT(-2); 0:r1 = y;",
            types: "int *x, int *y, int **gp, int *a, atomic_t *v")).Code;
        Assert.Contains("\tlitmus_loc_a[litmus_i] = (int)(intptr_t)(1);\n", code);
        Assert.Contains("\tlitmus_loc_gp[litmus_i] = (int *)(intptr_t)(&litmus_loc_a[litmus_i]);\n", code);
        Assert.Contains("\tlitmus_loc_v[litmus_i] = (atomic_t)(intptr_t)(-2);\n", code);
        Assert.Contains("\tint r1 = (int)(intptr_t)(&litmus_loc_y[litmus_i]);\n", code);
    }

    [Fact]
    public void Observed_registers_and_locations_follow_the_models_order()
    {
        var test = TestText.Parse("r1 = READ_ONCE(*x); r0 = READ_ONCE(*y);", condition: "exists (y=1 /\\ 0:r1=0 /\\ 0:r0=x)");
        var layout = TestLayout.Of(test);
        Assert.Equal(["0:r0", "0:r1", "[y]"], layout.Observed.Select(o => o.Name));
        var code = HarnessGenerator.Generate(test).Code;
        Assert.Contains("\tlitmus_out_0_r1[litmus_i] = (long long)(intptr_t)(r1);\n", code);
        Assert.Contains("\tv[2] = (long long)(intptr_t)litmus_loc_y[i];\n", code);
        Assert.Contains("\tif (v == (long long)(intptr_t)&litmus_loc_x[i]) return 0;\n", code);
    }

    [Fact]
    public void The_filter_is_recorded_but_not_shown()
    {
        var test = TestText.Parse("r0 = READ_ONCE(*x); r1 = READ_ONCE(*y);", condition: "filter (0:r1=1)\nexists (0:r0=0)");
        var layout = TestLayout.Of(test);
        Assert.Equal(["0:r0", "0:r1"], layout.Observed.Select(o => o.Name));
        Assert.Equal(1, layout.Shown);
    }

    [Fact]
    public void A_name_only_used_as_an_initial_value_is_a_location_as_in_herd()
    {
        var code = HarnessGenerator.Generate(TestText.Parse("r0 = READ_ONCE(*x);", init: "p=z;", types: "int *x, int **p")).Code;
        Assert.Contains("static int *litmus_loc_z;\n", code);
        Assert.Contains("\tlitmus_loc_p[litmus_i] = (int *)(intptr_t)(&litmus_loc_z[litmus_i]);\n", code);
    }
}
