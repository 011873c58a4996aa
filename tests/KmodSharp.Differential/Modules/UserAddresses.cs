using System;
using KmodSharp;

namespace Differential;

/// <summary>A record's fixed part; its payload follows it in the same user buffer.</summary>
public struct RecordHead
{
    public short Tag;
    public short Count;
    public int Skip;
}

/// <summary>
/// Differential module: user addresses as numbers (<c>UserPtr&lt;T&gt;.Address</c>,
/// <c>UserString.Address</c>) and pointers made from them. The harness and .NET map user memory at
/// different addresses, so no syscall returns an address: only what was read through one, or
/// the distance between two.
/// </summary>
[KernelModule("useraddr")]
public static class UserAddresses
{
    private const nuint HeadSize = 8;

    [Syscall]
    public static SyscallResult<int> WordAfterHead(UserPtr<RecordHead> head)
    {
        Errno failed = Kernel.CopyIn(head, out RecordHead fixedPart);
        if (failed != Errno.None)
        {
            return failed;
        }

        var word = new UserPtr<int>(head.Address + HeadSize);
        failed = Kernel.CopyIn(source: word, value: out int first);
        if (failed != Errno.None)
        {
            return failed;
        }

        return first ^ fixedPart.Tag;
    }

    // The offset is unchecked nuint arithmetic: a negative long wraps the address downwards. It stays
    // within a page of the buffer, where both worlds have the same guard pages (farther, the other
    // mappings lie at different distances).
    [Syscall]
    public static SyscallResult<long> WordAtOffset(UserPtr<long> origin, long offset)
    {
        if (offset is < -64 or > 64)
        {
            return Errno.EINVAL;
        }

        UserPtr<long> moved = new(origin.Address + (nuint)offset);
        Errno failed = Kernel.CopyIn(moved, out long value);
        return failed != Errno.None ? failed : value + (long)(moved.Address - origin.Address);
    }

    // In a checked context the address sum that would wrap is an overflow, as in .NET.
    [Syscall]
    public static SyscallResult<int> CheckedByteAt(UserPtr<byte> origin, ulong offset)
    {
        nuint end = checked(origin.Address + (nuint)offset);
        if (offset > 64)
        {
            return Errno.E2BIG;
        }

        int value = Kernel.FetchByte(new UserPtr<byte>(end));
        return value < 0 ? Errno.EFAULT : value;
    }

    [Syscall]
    public static SyscallResult<int> TextAfter(UserPtr<long> origin, int skip)
    {
        if (skip < 0 || skip > 64)
        {
            return Errno.EINVAL;
        }

        UserString text = new UserString(origin.Address + (uint)skip);
        Span<byte> copy = stackalloc byte[4];
        Errno failed = Kernel.CopyInString(text, copy, out nuint copied);
        if (failed != Errno.None)
        {
            return failed;
        }

        return (int)copied * 1000 + (int)(text.Address - origin.Address) + copy[0];
    }

    [Syscall]
    public static int NullMade(UserPtr<int> unused, int which)
    {
        UserPtr<int> zero = new UserPtr<int>(0);
        UserPtr<int> back = new(unused.Address - unused.Address + (nuint)(uint)which);
        return (zero.IsNull ? 1 : 0) + (back.IsNull ? 10 : 0) + (unused.IsNull ? 100 : 0);
    }
}
