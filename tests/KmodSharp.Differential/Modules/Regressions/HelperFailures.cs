using System;
using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (fixed): an exception inside a helper with an Errno or SyscallResult result became its
/// return value (an index out of range returned EINVAL to the caller, which went on). It is a failure
/// of the syscall, whatever the helpers' results: nothing after it runs (the static counters and the
/// log show it), and a returned error stays an ordinary value its caller may handle.
/// </summary>
[KernelModule("helperfail")]
public static class HelperFailures
{
    private static int s_after;
    private static int s_divisor = 3;

    private static Errno Store(int i, int value)
    {
        Span<int> slots = stackalloc int[4];
        slots[i] = value;
        return value < 0 ? Errno.ERANGE : Errno.None;
    }

    private static Errno Twice(int i) => Store(i, 1) == Errno.None ? Store(i + 1, -1) : Errno.EIO;

    private static SyscallResult<int> Ratio(int a, int b)
    {
        if (a < 0)
        {
            return Errno.EAGAIN;
        }

        return a / b;
    }

    private static SyscallResult<long> Passed(int a, int b) => Ratio(a, b) is var _ ? Widen(a, b) : Errno.EIO;

    private static SyscallResult<long> Widen(int a, int b)
    {
        if (b == 7)
        {
            return Errno.ENOENT;
        }

        return checked((long)(a / b) * 1_000_000_000_000L);
    }

    private static int Plain(int i)
    {
        Span<byte> table = stackalloc byte[3];
        table[0] = 22;
        table[1] = 9;
        table[2] = 1;
        return table[i];
    }

    [ModuleLoad]
    public static Errno Load() => Store(s_divisor, 0) == Errno.None ? Errno.None : Errno.EIO;

    [Syscall(Name = "helperfail_errno")]
    public static int ErrnoHelper(int i)
    {
        Errno e = Store(i, i - 2);
        s_after++;
        Kernel.Printf("store %d gave %d\n", i, (int)e);
        return (int)e + 100;
    }

    [Syscall(Name = "helperfail_nested")]
    public static Errno NestedErrno(int i)
    {
        Errno e = Twice(i);
        s_after += 10;
        return e == Errno.None ? Errno.None : Errno.EPERM;
    }

    [Syscall(Name = "helperfail_result")]
    public static SyscallResult<long> Result(int a, int b) => Passed(a, b);

    [Syscall(Name = "helperfail_dropped")]
    public static int Dropped(int a, int b)
    {
        Ratio(a, b);
        _ = Ratio(b, a);
        s_after += 100;
        return s_after;
    }

    [Syscall(Name = "helperfail_plain")]
    public static int PlainValue(int i)
    {
        int v = Plain(i);
        s_after += 1000;
        return v + Plain(i & 1);
    }

    [Syscall(Name = "helperfail_own")]
    public static SyscallResult<int> Own(int i)
    {
        Span<short> values = stackalloc short[3];
        values[0] = 5;
        values[1] = -5;
        values[2] = 500;
        if (values[i] < 0)
        {
            return Errno.EDOM;
        }

        return values[i] / s_divisor;
    }

    [Syscall(Name = "helperfail_after")]
    public static int After() => s_after;
}
