using KmodSharp.Simulation;
using Xunit;

namespace KmodSharp.Runtime.Tests;

/// <summary>WITNESS in the simulation: no sleeping under a mutex (sx is fine), no recursion, no unlock of a lock not held.</summary>
public sealed class LockTests
{
    private static KernelMutex mutex;
    private static KernelMutex other;
    private static KernelSxLock sx;

    [Fact]
    public void Copyin_under_a_mutex_panics()
    {
        using var scope = SimulatedKernel.Enter();
        UserPtr<int> p = scope.Kernel.User.Store(1);
        using (mutex.Lock())
        {
            Assert.Equal(1, scope.Kernel.Locks.HeldCount);
            Assert.Throws<KernelPanicException>(() => Kernel.CopyIn(p, out int _));
            Assert.Throws<KernelPanicException>(() => Kernel.CopyOut(1, p));
        }

        Assert.Equal(0, scope.Kernel.Locks.HeldCount);
    }

    [Fact]
    public void Sleeping_under_an_sx_lock_is_allowed()
    {
        using var scope = SimulatedKernel.Enter();
        UserPtr<int> p = scope.Kernel.User.Store(5);
        using (sx.LockExclusive())
        {
            Assert.Equal(Errno.None, Kernel.CopyIn(p, out int v));
            Assert.Equal(5, v);
            using KernelBuffer<int> buffer = Kernel.Allocate<int>(1, MallocFlags.WaitOk);
            Assert.False(buffer.IsNull);
        }

        using (sx.LockShared())
        {
            Assert.Equal(Errno.None, Kernel.CopyOut(6, p));
        }
    }

    [Fact]
    public void Taking_an_sx_lock_under_a_mutex_panics()
    {
        using var scope = SimulatedKernel.Enter();
        using (mutex.Lock())
        {
            Assert.Throws<KernelPanicException>(() => sx.LockExclusive().Dispose());
        }
    }

    [Fact]
    public void Recursing_on_a_mutex_panics()
    {
        using var scope = SimulatedKernel.Enter();
        using (mutex.Lock())
        {
            KernelPanicException panic = Assert.Throws<KernelPanicException>(() => mutex.Lock().Dispose());
            Assert.Contains("recursed", panic.Message);
        }
    }

    [Fact]
    public void Two_different_mutexes_nest()
    {
        using var scope = SimulatedKernel.Enter();
        using (mutex.Lock())
        {
            using (other.Lock())
            {
                Assert.Equal(2, scope.Kernel.Locks.HeldCount);
            }
        }

        Assert.Equal(0, scope.Kernel.Locks.HeldCount);
    }

    [Fact]
    public void Unlocking_a_lock_that_is_not_held_panics()
    {
        using var scope = SimulatedKernel.Enter();
        MutexGuard guard = mutex.Lock();
        MutexGuard copy = guard;
        guard.Dispose();
        guard.Dispose(); // a guard releases once

        KernelPanicException? panic = null;
        try
        {
            copy.Dispose();
        }
        catch (KernelPanicException e)
        {
            panic = e;
        }

        Assert.NotNull(panic);
        Assert.Contains("not held", panic.Message);
    }

    [Fact]
    public void A_static_mutex_works_in_each_new_kernel_scope()
    {
        // Module locks are static fields: they outlive the kernel of the test that first took them.
        for (int i = 0; i < 3; i++)
        {
            using var scope = SimulatedKernel.Enter();
            using (mutex.Lock())
            {
                Assert.Equal(1, scope.Kernel.Locks.HeldCount);
            }

            Assert.Equal(0, scope.Kernel.Locks.HeldCount);
        }
    }
}
