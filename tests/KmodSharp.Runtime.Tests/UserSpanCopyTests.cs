using System;
using KmodSharp.Simulation;
using Xunit;

namespace KmodSharp.Runtime.Tests;

/// <summary>copyin(9)/copyout(9) of a whole span in the managed simulation: every byte or none, EFAULT on any bad one.</summary>
public sealed class UserSpanCopyTests
{
    private struct Extent
    {
        public long Start;
        public int Length;
        public int Flags;
    }

    [Fact]
    public void A_span_of_structs_comes_in_element_by_element()
    {
        using var scope = SimulatedKernel.Enter();
        Extent[] user = [new() { Start = 10, Length = 2, Flags = 1 }, new() { Start = -4, Length = 9, Flags = 0 }];
        UserPtr<Extent> at = new(scope.Kernel.User.Map(System.Runtime.InteropServices.MemoryMarshal.AsBytes(user.AsSpan())));
        Span<Extent> copy = stackalloc Extent[2];

        Assert.Equal(Errno.None, Kernel.CopyIn(source: at, destination: copy));
        Assert.Equal(-4, copy[1].Start);
        Assert.Equal(9, copy[1].Length);
    }

    [Fact]
    public void A_span_longer_than_the_mapping_faults_and_copies_nothing()
    {
        using var scope = SimulatedKernel.Enter();
        UserPtr<ushort> three = scope.Kernel.User.Allocate<ushort>(3);
        Span<ushort> four = [7, 7, 7, 7];

        Assert.Equal(Errno.EFAULT, Kernel.CopyIn(three, four));
        Assert.Equal([7, 7, 7, 7], four.ToArray());
        Assert.Equal(Errno.EFAULT, Kernel.CopyOut(four, three));
        Assert.Equal(new byte[6], scope.Kernel.User.ReadBytes(three.Address, 6));
        Assert.Equal(Errno.None, Kernel.CopyOut(four[..3], three));
        Assert.Equal(7, scope.Kernel.User.Read(three.Add(2)));
    }

    [Fact]
    public void Read_only_memory_takes_no_span()
    {
        using var scope = SimulatedKernel.Enter();
        UserPtr<int> frozen = scope.Kernel.User.Store(5, writable: false);
        ReadOnlySpan<int> one = [6];

        Assert.Equal(Errno.EFAULT, Kernel.CopyOut(one, frozen));
        Assert.Equal(5, scope.Kernel.User.Read(frozen));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(0xdead_0000UL)]
    public void An_empty_span_touches_no_user_memory(ulong address)
    {
        using var scope = SimulatedKernel.Enter();
        var nowhere = new UserPtr<long>((nuint)address);

        Assert.Equal(Errno.None, Kernel.CopyIn(nowhere, Span<long>.Empty));
        Assert.Equal(Errno.None, Kernel.CopyOut(ReadOnlySpan<long>.Empty, nowhere));
    }
}
