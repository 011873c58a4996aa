using System.Collections.Generic;

namespace KmodSharp.Simulation;

/// <summary>A lock as WITNESS sees it: whether it may be held across a sleep, and who holds it.</summary>
/// <remarks>
/// A lock is usually a static field of the module class, so it outlives the
/// <see cref="SimulatedKernel"/> that first took it: it is released through the tracker that holds
/// it now, not the one it was created under.
/// </remarks>
internal sealed class SimulatedLock(bool sleepable)
{
    public bool Sleepable { get; } = sleepable;

    /// <summary>The tracker of the thread holding the lock, or null when it is free.</summary>
    public LockTracker? Owner { get; set; }

    public void Release() => (Owner ?? SimulatedKernel.Current.Locks).Release(this);
}

/// <summary>
/// WITNESS in miniature: the locks the calling thread holds, in order. Sleeping while a mutex is
/// held, recursing on a lock and returning to user space with a lock held are kernel bugs.
/// </summary>
public sealed class LockTracker
{
    private readonly List<SimulatedLock> held = [];

    /// <summary>How many locks the thread holds now.</summary>
    public int HeldCount => held.Count;

    internal SimulatedLock Acquire(ref SimulatedLock? state, bool sleepable, bool exclusive)
    {
        state ??= new SimulatedLock(sleepable);
        if (held.Contains(state))
        {
            throw new KernelPanicException("lock recursed on a non-recursive lock");
        }

        if (sleepable)
        {
            AssertMaySleep(exclusive ? "sx_xlock" : "sx_slock");
        }

        held.Add(state);
        state.Owner = this;
        return state;
    }

    internal void Release(SimulatedLock state)
    {
        if (!held.Remove(state))
        {
            throw new KernelPanicException("unlock of a lock that is not held");
        }

        state.Owner = null;
    }

    /// <summary>Fails when the thread holds a non-sleepable lock (mutex): what WITNESS_WARN reports.</summary>
    internal void AssertMaySleep(string operation)
    {
        if (held.Exists(l => !l.Sleepable))
        {
            throw new KernelPanicException($"{operation} may sleep with a mutex held");
        }
    }
}
