using System;
using KmodSharp;

namespace Differential;

/// <summary>Two counters side by side, as an array element: no padding.</summary>
public struct Tally
{
    public int Seen;
    public uint Weight;
}

/// <summary>
/// Differential module: <c>Kernel.CopyIn(UserPtr&lt;T&gt;, Span&lt;T&gt;)</c> and
/// <c>Kernel.CopyOut(ReadOnlySpan&lt;T&gt;, UserPtr&lt;T&gt;)</c> with lengths that come from the
/// caller: arrays of integers and of structs, over stackalloc and kernel buffers, empty spans at
/// unmapped addresses, and a getgroups(2)-like copyout that fails with EINVAL when the caller's
/// array is too small.
/// </summary>
[KernelModule("userspans")]
public static class UserSpans
{
    [Syscall]
    public static SyscallResult<int> SumInts(UserPtr<int> values, int count)
    {
        if (count < 0 || count > 8)
        {
            return Errno.EINVAL;
        }

        Span<int> window = stackalloc int[8];
        Errno failed = Kernel.CopyIn(values, window.Slice(0, count));
        if (failed != Errno.None)
        {
            return failed;
        }

        int total = 0;
        foreach (int v in window)
        {
            total = total * 31 + v;
        }

        return total;
    }

    [Syscall]
    public static SyscallResult<int> ReverseShorts(UserPtr<short> source, UserPtr<short> destination, int n)
    {
        if (n is < 0 or > 6)
        {
            return Errno.EINVAL;
        }

        Span<short> items = stackalloc short[6];
        Span<short> used = items.Slice(0, n);
        Errno failed = Kernel.CopyIn(destination: used, source: source);
        if (failed != Errno.None)
        {
            return failed;
        }

        for (int i = 0, j = used.Length - 1; i < j; i++, j--)
        {
            (used[i], used[j]) = (used[j], used[i]);
        }

        failed = Kernel.CopyOut(used, destination);
        return failed != Errno.None ? failed : used.Length;
    }

    [Syscall]
    public static SyscallResult<long> WeighTallies(UserPtr<Tally> tallies, int count)
    {
        if (count < 1 || count > 4)
        {
            return Errno.EINVAL;
        }

        using KernelBuffer<Tally> copy = Kernel.Allocate<Tally>(count, MallocFlags.WaitOk);
        Errno failed = Kernel.CopyIn(tallies, copy.Span);
        if (failed != Errno.None)
        {
            return failed;
        }

        long weight = 0;
        for (int i = 0; i < copy.Length; i++)
        {
            weight += (long)copy.Span[i].Seen * copy.Span[i].Weight;
            copy.Span[i].Seen++;
        }

        failed = Kernel.CopyOut(copy.Span.Slice(1), tallies.Add(1));
        return failed != Errno.None ? failed : weight;
    }

    // getgroups(2): size 0 asks for the count; a smaller array is EINVAL; else copyout of count elements.
    [Syscall]
    public static SyscallResult<int> Groups(UserPtr<uint> list, int size, int count)
    {
        if (count < 0 || count > 5)
        {
            return Errno.EINVAL;
        }

        Span<uint> groups = stackalloc uint[5] { 0, 5, 20, 1001, 65534 };
        if (size == 0)
        {
            return count;
        }

        if (size < count)
        {
            return Errno.EINVAL;
        }

        ReadOnlySpan<uint> granted = groups.Slice(0, count);
        Errno failed = Kernel.CopyOut(granted, list);
        return failed != Errno.None ? failed : count;
    }

    // An empty span copies nothing and cannot fault, wherever the address points.
    [Syscall]
    public static int Empty(UserPtr<long> anywhere)
    {
        Span<long> none = stackalloc long[1];
        Errno read = Kernel.CopyIn(anywhere, none.Slice(1));
        Errno written = Kernel.CopyOut(none.Slice(0, 0), anywhere);
        return (int)read * 100 + (int)written;
    }
}
