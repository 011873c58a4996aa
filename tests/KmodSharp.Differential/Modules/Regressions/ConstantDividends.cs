using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (fixed; generator seed 1756): a division or remainder whose dividend is a constant
/// lacked the MinValue / -1 check, so int.MinValue / s with s == -1 trapped in C (SIGFPE; a panic in
/// the kernel) where .NET throws OverflowException (EOVERFLOW). Every integer type, both operators,
/// checked and unchecked, and constants that are not the minimum (no check needed).
/// </summary>
[KernelModule("constdividend")]
public static class ConstantDividends
{
    private static int s_0 = 129;

    [Syscall]
    public static int Seed1756(int start)
    {
        s_0 = start;
        s_0 = s_0 + (int.MinValue / s_0 ^ s_0);
        return s_0;
    }

    [Syscall]
    public static int IntDividends(int b, byte op) => (op % 6) switch
    {
        0 => int.MinValue / b,
        1 => int.MinValue % b,
        2 => checked(int.MinValue / b),
        3 => unchecked(int.MinValue % b),
        4 => int.MaxValue / b,
        _ => -7 % b,
    };

    [Syscall]
    public static long LongDividends(long b, byte op) => (op % 6) switch
    {
        0 => long.MinValue / b,
        1 => long.MinValue % b,
        2 => checked(long.MinValue / b),
        3 => int.MinValue / b,
        4 => int.MinValue % b,
        _ => -9L / b,
    };

    [Syscall]
    public static int NarrowDividends(sbyte b, short c, byte op) => (op % 4) switch
    {
        0 => sbyte.MinValue / b,
        1 => short.MinValue % c,
        2 => checked(short.MinValue / c),
        _ => int.MinValue / c,
    };

    [Syscall]
    public static ulong UnsignedDividends(uint b, ulong c, byte op) => (op % 4) switch
    {
        0 => 4294967295u / b,
        1 => 7u % b,
        2 => ulong.MaxValue / c,
        _ => 9UL % c,
    };
}
