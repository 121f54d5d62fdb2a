using Litmus.Events;

namespace Litmus.Checking;

/// <summary>Shows a value as herd does: a location's address by the location's name, anything else as an integer.</summary>
public static class ValueNames
{
    public static string Show(LitmusProgram program, long value) =>
        program.Locations.FirstOrDefault(l => l.Address == value)?.Name ?? value.ToString();
}
