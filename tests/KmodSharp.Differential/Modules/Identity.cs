using System;
using KmodSharp;

// The out-of-range slice bounds are the point of this module (both worlds must fail the same way), so the
// user-controlled-size rule is off for it: KMS0205 follows syscall arguments into helpers and wants both ends bounded.
#pragma warning disable KMS0205

namespace Differential;

/// <summary>
/// Differential module: the calling thread's ids, group set, parent pid and name, read the ways a
/// syscall reads them (indexed, sliced, copied, passed to a helper), with the bounds checks .NET makes.
/// </summary>
[KernelModule("identity")]
public static class Identity
{
    [Syscall]
    public static int OneId(CallingThread caller, int which) => which switch
    {
        0 => (int)caller.UserId,
        1 => (int)caller.RealUserId,
        2 => (int)caller.SavedUserId,
        3 => (int)caller.GroupId,
        4 => (int)caller.RealGroupId,
        5 => (int)caller.SavedGroupId,
        6 => caller.ParentProcessId,
        7 => caller.ProcessId,
        _ => -1,
    };

    // Every id in one value, so a field read from the wrong place shows.
    [Syscall]
    public static long Mixed(CallingThread who)
    {
        long h = who.UserId;
        h = h * 31 + who.RealUserId;
        h = h * 31 + who.SavedUserId;
        h = h * 31 + who.GroupId;
        h = h * 31 + who.RealGroupId;
        h = h * 31 + who.SavedGroupId;
        return h * 31 + who.ParentProcessId;
    }

    [Syscall]
    public static long GroupAt(int index, CallingThread t) => t.Groups[index];

    [Syscall]
    public static int GroupCount(CallingThread t) => t.Groups.Length + (t.Groups.IsEmpty ? 100 : 0);

    [Syscall]
    public static long SumFrom(CallingThread t, int start)
    {
        // Bounded by a constant (KMS0205), yet past the group set often: the slice's own check decides.
        if (start > 40)
        {
            return -7;
        }

        long sum = 0;
        foreach (uint g in t.Groups.Slice(start))
        {
            sum = sum * 7 + g;
        }

        return sum;
    }

    [Syscall]
    public static int Member(CallingThread t, uint gid) => Groups.IndexOf(set: t.Groups, wanted: gid);

    // CopyTo into a stack buffer of n elements: too small is .NET's ArgumentException, EINVAL in the kernel.
    [Syscall]
    public static long CopyGroups(CallingThread t, int n)
    {
        if (n > 20)
        {
            return -7;
        }

        Span<uint> local = stackalloc uint[16];
        ReadOnlySpan<uint> mine = t.Groups;
        mine.CopyTo(local.Slice(0, n));
        long h = n;
        for (int i = 0; i < local.Length; i++)
        {
            h = h * 3 + local[i];
        }

        return h;
    }

    [Syscall]
    public static long Name(CallingThread t, int size, int fill)
    {
        if (size > 30)
        {
            return -7;
        }

        Span<byte> buffer = stackalloc byte[24];
        buffer.Fill((byte)fill);
        int length = t.CopyProcessName(buffer.Slice(0, size));
        long h = length;
        foreach (byte b in buffer)
        {
            h = h * 5 + b;
        }

        return h;
    }
}

[KernelHelper]
public static class Groups
{
    public static int IndexOf(ReadOnlySpan<uint> set, uint wanted)
    {
        for (int i = 0; i < set.Length; i++)
        {
            if (set[i] == wanted)
            {
                return i;
            }
        }

        return -1;
    }
}
