namespace KmodSharp;

/// <summary>
/// A <c>mtx(9)</c> sleep mutex (<c>MTX_DEF</c>), declared as a static field of the module class:
/// it is initialised before the syscalls become callable and destroyed after they are drained.
/// Hold it with <c>using (lockField.Lock()) { … }</c>. Nothing may sleep while it is held.
/// </summary>
public struct KernelMutex
{
    private Simulation.SimulatedLock? state;

    /// <summary><c>mtx_lock</c>; the returned guard's <c>Dispose</c> is <c>mtx_unlock</c>.</summary>
    [Translated]
    public MutexGuard Lock() => new(Simulation.SimulatedKernel.Current.Locks.Acquire(ref state, sleepable: false, exclusive: true));
}

/// <summary>
/// An <c>sx(9)</c> shared/exclusive lock, declared as a static field of the module class. Unlike
/// <see cref="KernelMutex"/> it may be held across sleeps (<c>M_WAITOK</c>, <c>copyin</c>).
/// </summary>
public struct KernelSxLock
{
    private Simulation.SimulatedLock? state;

    /// <summary><c>sx_xlock</c>; the guard's <c>Dispose</c> is <c>sx_xunlock</c>.</summary>
    [Translated]
    public MutexGuard LockExclusive() => new(Simulation.SimulatedKernel.Current.Locks.Acquire(ref state, sleepable: true, exclusive: true));

    /// <summary><c>sx_slock</c>; the guard's <c>Dispose</c> is <c>sx_sunlock</c>.</summary>
    [Translated]
    public MutexGuard LockShared() => new(Simulation.SimulatedKernel.Current.Locks.Acquire(ref state, sleepable: true, exclusive: false));
}

/// <summary>A held lock; disposing it releases the lock.</summary>
public ref struct MutexGuard
{
    private Simulation.SimulatedLock? held;

    internal MutexGuard(Simulation.SimulatedLock held) => this.held = held;

    /// <summary>Releases the lock.</summary>
    public void Dispose()
    {
        held?.Release();
        held = null;
    }
}
