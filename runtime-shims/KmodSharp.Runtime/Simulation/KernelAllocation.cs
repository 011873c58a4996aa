using System;
using System.Collections.Generic;

namespace KmodSharp.Simulation;

/// <summary>One live <c>malloc(9)</c> allocation in the simulated kernel.</summary>
internal sealed class KernelAllocation(KernelMemoryAccounting owner, byte[] memory)
{
    public byte[] Memory { get; } = memory;

    public void Free() => owner.Release(this);
}

/// <summary>
/// The module's malloc type: live allocations (a leak is one still live when the test ends),
/// <c>M_NOWAIT</c> failure injection, and the rule that <c>M_WAITOK</c> may not be used under a mutex.
/// </summary>
public sealed class KernelMemoryAccounting
{
    private readonly HashSet<KernelAllocation> live = [];
    private readonly SimulatedKernel kernel;
    private int noWaitAllocations;

    internal KernelMemoryAccounting(SimulatedKernel kernel) => this.kernel = kernel;

    /// <summary>How many allocations are live (not freed).</summary>
    public int LiveAllocations => live.Count;

    /// <summary>How many <c>M_NOWAIT</c> allocations were asked for (failed ones included).</summary>
    public int NoWaitAllocations => noWaitAllocations;

    /// <summary>When set, the Nth <c>M_NOWAIT</c> allocation (1-based) fails.</summary>
    public int? FailNoWaitAllocation { get; set; }

    internal KernelBuffer<T> Allocate<T>(int count, MallocFlags flags)
        where T : unmanaged
    {
        bool wait = flags.HasFlag(MallocFlags.WaitOk);
        if (wait == flags.HasFlag(MallocFlags.NoWait))
        {
            throw new KernelPanicException("malloc: exactly one of M_WAITOK and M_NOWAIT must be given");
        }

        if (count < 0)
        {
            // As .NET's "new T[-1]": the generated C returns EOVERFLOW here (docs/semantics.md).
            throw new OverflowException($"malloc: negative element count {count}");
        }

        if ((long)count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>() > int.MaxValue)
        {
            throw new KernelPanicException($"malloc: invalid element count {count}");
        }

        if (wait)
        {
            kernel.Locks.AssertMaySleep("malloc(M_WAITOK)");
        }
        else if (++noWaitAllocations == FailNoWaitAllocation)
        {
            return new KernelBuffer<T>(null);
        }

        // Unlike the kernel, the simulation always zeroes: stale heap contents are the harness's job to expose.
        var allocation = new KernelAllocation(this, new byte[count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>()]);
        live.Add(allocation);
        return new KernelBuffer<T>(allocation);
    }

    internal void Release(KernelAllocation allocation)
    {
        if (!live.Remove(allocation))
        {
            throw new KernelPanicException("free: memory freed twice");
        }
    }
}

/// <summary>What a FreeBSD kernel would panic (or WITNESS would report) on; thrown by the simulation to fail a test.</summary>
public sealed class KernelPanicException(string message) : Exception("panic: " + message);
