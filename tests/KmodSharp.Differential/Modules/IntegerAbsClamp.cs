using System;
using KmodSharp;

namespace Differential;

/// <summary>
/// Differential module: Math.Abs and Math.Clamp on extreme values. Abs of a signed type's minimum must
/// fail with EOVERFLOW (.NET's OverflowException) and a Clamp with min &gt; max with EINVAL (ArgumentException).
/// </summary>
[KernelModule("integerabsclamp")]
public static class IntegerAbsClamp
{
    [Syscall] public static int AbsInt(int value) => Math.Abs(value);

    [Syscall] public static long AbsLong(long value) => Math.Abs(value) / 2;

    [Syscall] public static int AbsNarrow(short s, sbyte c) => Math.Abs(s) * 1000 + Math.Abs(c);

    [Syscall] public static nint AbsNative(nint value) => Math.Abs(value);

    // Abs of a constant that is no minimum cannot throw; of an expression it can.
    [Syscall] public static int AbsOfSum(int a, int b) => Math.Abs(-5) + Math.Abs(unchecked(a + b));

    [Syscall] public static int ClampInt(int value, int low, int high) => Math.Clamp(value, low, high);

    [Syscall] public static long ClampLong(long value, long low) => Math.Clamp(value, low, 1L << 40);

    [Syscall] public static ulong ClampULong(ulong value, ulong high) => Math.Clamp(value, 10UL, high);

    [Syscall] public static int ClampByte(byte value, byte low, byte high) => Math.Clamp(value, low, high);

    [Syscall]
    public static SyscallResult<int> ClampOrError(int value, int width)
    {
        if (width < 0)
        {
            return Errno.EDOM;
        }

        return Math.Clamp(value, -width, width);
    }
}
