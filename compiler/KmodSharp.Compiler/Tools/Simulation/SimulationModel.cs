using System.Collections.Immutable;
using System.Linq;

namespace KmodSharp.Compiler.Tools.Simulation;

/// <summary>One step of a harness run, in order: load or unload a module (by name), or make a call.</summary>
public abstract record SimStep;

/// <summary>kldload the named module.</summary>
public sealed record SimLoadStep(string Module) : SimStep;

/// <summary>kldunload the named module.</summary>
public sealed record SimUnloadStep(string Module) : SimStep;

/// <summary>One syscall to make: its name and the driver's argument tokens (integers, <c>s:</c>, <c>z:</c>, <c>b:</c>, <c>a:</c>).</summary>
public sealed record SimCall(string Name, ImmutableArray<string> Arguments) : SimStep;

/// <summary>sysctl(8) <c>NAME=VALUE</c> as the operator: the OID's handler (and a <c>[Sysctl]</c> validator) decides.</summary>
public sealed record SimSysctlWrite(string Name, string Value) : SimStep;

/// <summary>A sysctl write's outcome: the handler's errno (0: stored).</summary>
public sealed record SimSysctlWriteResult(string Name, string Value, int Error);

/// <summary>
/// The calling thread's credential in the harness, and fault injection: the Nth <c>M_NOWAIT</c>
/// allocation fails, the Nth user-memory operation finds its page unmapped (0: none).
/// </summary>
public sealed record SimEnvironment(uint Uid = 0, bool Jailed = false, bool CapabilityMode = false, int FailNoWaitAllocation = 0, int UnmapAfterAccesses = 0)
{
    /// <summary>The process's other ids, groups, parent and name (kmodsim's defaults when not set).</summary>
    public SimIdentity Identity { get; init; } = new();
}

/// <summary>A call's outcome: <c>Error</c> is the errno (0 on success).</summary>
public sealed record SimCallResult(string Name, ImmutableArray<string> Arguments, int Slot, long Retval, long Retval1, int Error,
    ImmutableArray<SimBuffer> Buffers);

/// <summary>The final contents of a user buffer argument.</summary>
public sealed record SimBuffer(int Argument, string Hex);

/// <summary>A module file's load or unload: the errno and the syscall slots its modules took.</summary>
public sealed record SimLoad(string Operation, string File, int Error, ImmutableArray<SimModuleSlot> Modules);

/// <summary>A kernel module registered by a load and its slot.</summary>
public sealed record SimModuleSlot(string Name, int Slot);

/// <summary>A sysctl the module registered.</summary>
public sealed record SimSysctl(string Name, string Value);

/// <summary>Everything one harness run reported.</summary>
public sealed record SimulationReport(
    ImmutableArray<SimLoad> Loads,
    ImmutableArray<SimCallResult> Calls,
    ImmutableArray<string> Log,
    int Leaks,
    ImmutableArray<string> Violations,
    ImmutableArray<SimSysctl> Sysctls,
    int ExitCode,
    string Stderr)
{
    /// <summary>The sysctls as they stood just before the first unload, while the modules had them (at the end when none was unloaded).</summary>
    public ImmutableArray<SimSysctl> LoadedSysctls { get; init; } = [];

    /// <summary>The sysctl writes, in order.</summary>
    public ImmutableArray<SimSysctlWriteResult> SysctlWrites { get; init; } = [];

    /// <summary>Whether every module loaded and the kernel stayed sound: no violation, leak, panic or sanitizer report.</summary>
    public bool Clean => ExitCode == 0 && Violations.IsEmpty && Leaks == 0 && FailedLoads.IsEmpty;

    /// <summary>The loads the kernel refused (a module whose MOD_LOAD failed never serves a call).</summary>
    public ImmutableArray<SimLoad> FailedLoads => [.. Loads.Where(l => l.Operation == "load" && l.Error != 0)];
}
