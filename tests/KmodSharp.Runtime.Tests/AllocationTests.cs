using System;
using KmodSharp.Simulation;
using Xunit;

namespace KmodSharp.Runtime.Tests;

/// <summary>malloc(9)/free(9): M_WAITOK never fails, M_NOWAIT failure injection, leak accounting, double free and sleeping under a mutex panic.</summary>
public sealed class AllocationTests
{
    private static KernelMutex mutex;

    [Fact]
    public void WaitOk_is_never_null_and_zeroed()
    {
        using var scope = SimulatedKernel.Enter();
        scope.Kernel.Memory.FailNoWaitAllocation = 1;
        using KernelBuffer<long> buffer = Kernel.Allocate<long>(16, MallocFlags.WaitOk);

        Assert.False(buffer.IsNull);
        Assert.Equal(16, buffer.Length);
        Assert.All(buffer.Span.ToArray(), v => Assert.Equal(0, v));
        Assert.Equal(1, scope.Kernel.Memory.LiveAllocations);
    }

    [Fact]
    public void The_Nth_NoWait_allocation_fails()
    {
        using var scope = SimulatedKernel.Enter();
        scope.Kernel.Memory.FailNoWaitAllocation = 2;

        using KernelBuffer<int> first = Kernel.Allocate<int>(4, MallocFlags.NoWait);
        using KernelBuffer<int> second = Kernel.Allocate<int>(4, MallocFlags.NoWait);
        using KernelBuffer<int> third = Kernel.Allocate<int>(4, MallocFlags.NoWait | MallocFlags.Zero);

        Assert.False(first.IsNull);
        Assert.True(second.IsNull);
        Assert.Equal(0, second.Length);
        Assert.True(second.Span.IsEmpty);
        Assert.False(third.IsNull);
        Assert.Equal(2, scope.Kernel.Memory.LiveAllocations);
    }

    [Fact]
    public void Dispose_frees_and_a_forgotten_buffer_counts_as_a_leak()
    {
        using var scope = SimulatedKernel.Enter();
        KernelBuffer<byte> kept = Kernel.Allocate<byte>(8, MallocFlags.WaitOk);
        KernelBuffer<byte> freed = Kernel.Allocate<byte>(8, MallocFlags.WaitOk);
        freed.Dispose();

        Assert.Equal(1, scope.Kernel.Memory.LiveAllocations);
        kept.Dispose();
        Assert.Equal(0, scope.Kernel.Memory.LiveAllocations);
    }

    [Fact]
    public void Double_free_panics()
    {
        using var scope = SimulatedKernel.Enter();
        KernelBuffer<byte> buffer = Kernel.Allocate<byte>(8, MallocFlags.WaitOk);
        KernelBuffer<byte> copy = buffer;
        buffer.Dispose();

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
        Assert.Contains("freed twice", panic.Message);
    }

    [Fact]
    public void WaitOk_under_a_mutex_panics_but_NoWait_is_allowed()
    {
        using var scope = SimulatedKernel.Enter();
        using (mutex.Lock())
        {
            KernelPanicException panic = Assert.Throws<KernelPanicException>(() => Kernel.Allocate<int>(1, MallocFlags.WaitOk).Dispose());
            Assert.Contains("M_WAITOK", panic.Message);
            using KernelBuffer<int> ok = Kernel.Allocate<int>(1, MallocFlags.NoWait);
            Assert.False(ok.IsNull);
        }
    }

    [Theory]
    [InlineData(MallocFlags.Zero)]
    [InlineData(MallocFlags.WaitOk | MallocFlags.NoWait)]
    public void Exactly_one_of_WaitOk_and_NoWait_is_required(MallocFlags flags)
    {
        using var scope = SimulatedKernel.Enter();

        Assert.Throws<KernelPanicException>(() => Kernel.Allocate<int>(1, flags).Dispose());
    }

    [Fact]
    public void A_negative_count_overflows_like_a_negative_array_length()
    {
        using var scope = SimulatedKernel.Enter();

        Assert.Throws<OverflowException>(() => Kernel.Allocate<int>(-1, MallocFlags.WaitOk).Dispose());
        Assert.Equal(0, scope.Kernel.Memory.LiveAllocations);
    }
}
