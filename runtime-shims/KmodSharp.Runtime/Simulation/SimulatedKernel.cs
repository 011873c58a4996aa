using System;
using System.Collections.Generic;
using System.Linq;

namespace KmodSharp.Simulation;

/// <summary>
/// A managed stand-in for the kernel a handler runs in: the calling process's user memory,
/// its credential and the kernel message buffer. Handlers called from a .NET test use
/// <see cref="Current"/>; <see cref="Enter"/> installs a fresh one for the calling thread.
/// </summary>
public sealed class SimulatedKernel
{
    [ThreadStatic]
    private static SimulatedKernel? current;

    private readonly List<string> log = [];
    private string pendingLine = "";

    /// <summary>Creates an empty kernel: no user memory mapped, root credential.</summary>
    public SimulatedKernel() => Memory = new KernelMemoryAccounting(this);

    /// <summary>The module's malloc type: live allocations and failure injection.</summary>
    public KernelMemoryAccounting Memory { get; }

    /// <summary>The locks the calling thread holds.</summary>
    public LockTracker Locks { get; } = new();

    /// <summary>The clocks and the random stream.</summary>
    public SimulatedClock Clock { get; } = new();

    /// <summary>The calling process's simulated address space.</summary>
    public UserAddressSpace User { get; } = new();

    /// <summary>The calling thread's credential (root, not jailed, not in capability mode by default).</summary>
    public Credential Credential { get; set; } = Credential.Root;

    /// <summary>The calling process's id.</summary>
    public int ProcessId { get; set; } = 1234;

    /// <summary>The parent's pid (<c>p_oppid</c>); kmodsim's default is 1, as init's child.</summary>
    public int ParentProcessId { get; set; } = 1;

    /// <summary>The process name (<c>p_comm</c>, at most 19 ASCII characters); kmodsim's default.</summary>
    public string ProcessName
    {
        get;
        set => field = value.Length <= 19 && value.All(c => c is > '\0' and < (char)0x80)
            ? value
            : throw new ArgumentException("p_comm holds at most MAXCOMLEN (19) ASCII characters, no NUL", nameof(value));
    } = "kmodsim";

    /// <summary>The kernel message buffer, one entry per completed line (without the newline).</summary>
    public IReadOnlyList<string> Log => log;

    /// <summary>The kernel the calling thread runs against; created on first use.</summary>
    public static SimulatedKernel Current => current ??= new SimulatedKernel();

    /// <summary>Installs a fresh kernel for the calling thread until the returned scope is disposed.</summary>
    public static Scope Enter()
    {
        SimulatedKernel? previous = current;
        current = new SimulatedKernel();
        return new Scope(current, previous);
    }

    internal void Printf(string format, PrintfArgument[] arguments)
    {
        string text = pendingLine + KernelPrintfFormatter.Format(format, arguments);
        string[] lines = text.Split('\n');
        log.AddRange(lines[..^1]);
        pendingLine = lines[^1];
    }

    /// <summary>Restores the previous kernel when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly SimulatedKernel? previous;

        internal Scope(SimulatedKernel kernel, SimulatedKernel? previous)
        {
            Kernel = kernel;
            this.previous = previous;
        }

        /// <summary>The kernel installed by this scope.</summary>
        public SimulatedKernel Kernel { get; }

        /// <summary>Reinstalls the kernel that was current before <see cref="Enter"/>.</summary>
        public void Dispose() => current = previous;
    }
}
