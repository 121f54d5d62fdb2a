using Litmus.Logic;
using Litmus.Syntax;

namespace Litmus.Events;

/// <summary>The sys_membarrier() commands (their values are the kernel's).</summary>
public enum MembarrierCommand
{
    Query = 0,
    Global = 1,
    GlobalExpedited = 2,
    RegisterGlobalExpedited = 4,
    PrivateExpedited = 8,
    RegisterPrivateExpedited = 16,
    PrivateExpeditedSyncCore = 32,
    RegisterPrivateExpeditedSyncCore = 64,
    PrivateExpeditedRseq = 128,
    RegisterPrivateExpeditedRseq = 256,
}

public static class MembarrierCommands
{
    /// <summary>Reads a command as tests write it: <c>MEMBARRIER_CMD_GLOBAL</c>, <c>GLOBAL</c>, the old <c>SHARED</c>, or its number.</summary>
    public static MembarrierCommand? Parse(string name)
    {
        var n = name.StartsWith("MEMBARRIER_CMD_", StringComparison.Ordinal) ? name["MEMBARRIER_CMD_".Length..] : name;
        return n switch
        {
            "QUERY" => MembarrierCommand.Query,
            "GLOBAL" or "SHARED" => MembarrierCommand.Global,
            "GLOBAL_EXPEDITED" => MembarrierCommand.GlobalExpedited,
            "REGISTER_GLOBAL_EXPEDITED" => MembarrierCommand.RegisterGlobalExpedited,
            "PRIVATE_EXPEDITED" => MembarrierCommand.PrivateExpedited,
            "REGISTER_PRIVATE_EXPEDITED" => MembarrierCommand.RegisterPrivateExpedited,
            "PRIVATE_EXPEDITED_SYNC_CORE" => MembarrierCommand.PrivateExpeditedSyncCore,
            "REGISTER_PRIVATE_EXPEDITED_SYNC_CORE" => MembarrierCommand.RegisterPrivateExpeditedSyncCore,
            "PRIVATE_EXPEDITED_RSEQ" => MembarrierCommand.PrivateExpeditedRseq,
            "REGISTER_PRIVATE_EXPEDITED_RSEQ" => MembarrierCommand.RegisterPrivateExpeditedRseq,
            _ => null,
        };
    }

    public static MembarrierCommand? FromValue(long v) =>
        Enum.IsDefined(typeof(MembarrierCommand), (int)v) ? (MembarrierCommand)(int)v : null;

    public static string Name(MembarrierCommand c) => "MEMBARRIER_CMD_" + c switch
    {
        MembarrierCommand.Query => "QUERY",
        MembarrierCommand.Global => "GLOBAL",
        MembarrierCommand.GlobalExpedited => "GLOBAL_EXPEDITED",
        MembarrierCommand.RegisterGlobalExpedited => "REGISTER_GLOBAL_EXPEDITED",
        MembarrierCommand.PrivateExpedited => "PRIVATE_EXPEDITED",
        MembarrierCommand.RegisterPrivateExpedited => "REGISTER_PRIVATE_EXPEDITED",
        MembarrierCommand.PrivateExpeditedSyncCore => "PRIVATE_EXPEDITED_SYNC_CORE",
        MembarrierCommand.RegisterPrivateExpeditedSyncCore => "REGISTER_PRIVATE_EXPEDITED_SYNC_CORE",
        MembarrierCommand.PrivateExpeditedRseq => "PRIVATE_EXPEDITED_RSEQ",
        _ => "REGISTER_PRIVATE_EXPEDITED_RSEQ",
    };

    /// <summary>The registration an expedited command needs, or null when it needs none.</summary>
    public static MembarrierCommand? RegistrationFor(MembarrierCommand c) => c switch
    {
        MembarrierCommand.PrivateExpedited => MembarrierCommand.RegisterPrivateExpedited,
        MembarrierCommand.PrivateExpeditedSyncCore => MembarrierCommand.RegisterPrivateExpeditedSyncCore,
        MembarrierCommand.PrivateExpeditedRseq => MembarrierCommand.RegisterPrivateExpeditedRseq,
        MembarrierCommand.GlobalExpedited => MembarrierCommand.RegisterGlobalExpedited,
        _ => null,
    };

    /// <summary>
    /// The registration the caller's process needs before it may issue <paramref name="c"/> (else -EPERM), or null:
    /// the private expedited commands need their own; GLOBAL_EXPEDITED needs none (the kernel refuses it to no one,
    /// and only its receivers must have registered).
    /// </summary>
    public static MembarrierCommand? CallerMustRegister(MembarrierCommand c) =>
        c == MembarrierCommand.GlobalExpedited ? null : RegistrationFor(c);
}

/// <summary>What a membarrier command is, as properties of the command.</summary>
public static class MembarrierCommandProperties
{
    extension(MembarrierCommand c)
    {
        /// <summary>A REGISTER_* command: it registers the process for a later command and orders nothing itself.</summary>
        public bool IsRegistration => c is MembarrierCommand.RegisterGlobalExpedited or MembarrierCommand.RegisterPrivateExpedited
            or MembarrierCommand.RegisterPrivateExpeditedSyncCore or MembarrierCommand.RegisterPrivateExpeditedRseq;
    }
}

/// <summary>
/// One sys_membarrier() call that orders: the caller's full barriers and handshake events, and for each targeted
/// thread the handler the engine adds there. The handler's place in the target's program order is chosen by
/// the solver (see the encoding), not here.
/// </summary>
public sealed record MembarrierCall(
    int Id, int Thread, MembarrierCommand Command, SourceSpan Span, Term Guard,
    IReadOnlyList<MembarrierHandler> Handlers);

/// <summary>
/// The handler of one membarrier in one targeted thread: it reads the caller's request, runs a full barrier and
/// writes the acknowledgement the caller waits for.
/// </summary>
public sealed record MembarrierHandler(int Call, int Target, int RequestWrite, int HandlerRead, int HandlerFence, int HandlerWrite, int AckRead)
{
    public IEnumerable<int> Events => [HandlerRead, HandlerFence, HandlerWrite];
}

/// <summary>Two events of a thread that the compiler keeps in program order (cpo), when <see cref="Condition"/> holds.</summary>
public readonly record struct CompilerOrder(int Before, int After, Term Condition);
