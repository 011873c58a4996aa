using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (generator census): nint.MinValue, nint.MaxValue, nuint.MinValue and nuint.MaxValue
/// were refused (KMS0100 "cannot be translated"); they are sys/stdint.h's INTPTR_MIN, INTPTR_MAX,
/// 0 and UINTPTR_MAX, of the C types nint and nuint are (ssize_t, size_t), static initializers included.
/// </summary>
[KernelModule("nativelimits")]
public static class NativeIntegerLimits
{
    private static nint s_low = nint.MinValue;
    private static nint s_high = nint.MaxValue;
    private static nuint s_top = nuint.MaxValue;
    private static nuint s_zero = nuint.MinValue;

    /// <summary>Module state starts at the limits; each call moves it.</summary>
    [Syscall]
    public static long Statics(long v)
    {
        long seen = (long)s_low ^ (long)s_high ^ (long)s_top ^ (long)s_zero;
        s_high = unchecked(s_high + (nint)v);
        s_top = unchecked(s_top - (nuint)v);
        s_zero = unchecked(s_zero + 1);
        return seen;
    }

    [Syscall]
    public static long Limits(long v, int pick)
    {
        nint n = (nint)v;
        nuint u = (nuint)v;
        return (pick & 3) switch
        {
            0 => unchecked((long)(nint.MinValue + n)),
            1 => unchecked((long)(nint.MaxValue - n)),
            2 => unchecked((long)(nuint.MaxValue - u)),
            _ => (long)(nuint.MinValue + u),
        };
    }

    [Syscall]
    public static int Compare(long v)
    {
        nint n = (nint)v;
        nuint u = (nuint)v;
        int flags = 0;
        if (n == nint.MinValue)
        {
            flags |= 1;
        }

        if (n == nint.MaxValue)
        {
            flags |= 2;
        }

        if (u == nuint.MaxValue)
        {
            flags |= 4;
        }

        if (u > nuint.MinValue)
        {
            flags |= 8;
        }

        return flags;
    }

    /// <summary>nint.MinValue / -1 overflows like long.MinValue / -1 (EOVERFLOW).</summary>
    [Syscall]
    public static SyscallResult<long> Divide(long d)
    {
        s_low = nint.MinValue;
        nint q = s_low / (nint)d;
        return (long)q;
    }
}
