using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (generator seed 168): int.MinValue and long.MinValue have no C literal ("-2147483648"
/// is the negation of a long), and an expression gcc folds to a constant around them overflows
/// (gcc -Woverflow on `(p0 ^ p0) - -2147483648`). Each result must have C#'s type and value, and
/// the C must compile with kern.mk's flags under gcc and clang.
/// </summary>
[KernelModule("minvalue")]
public static class MinValueArithmetic
{
    private static int s_min = int.MinValue;
    private static long s_lmin = long.MinValue;

    [Syscall]
    public static int FoldedSubtract(int p0) => unchecked((p0 ^ p0) - int.MinValue) + unchecked((p0 - p0) + int.MinValue);

    [Syscall]
    public static long FoldedLong(long p0) => unchecked((p0 ^ p0) - long.MinValue) ^ unchecked((p0 & 0) * long.MinValue) ^ unchecked(-(p0 | long.MinValue));

    /// <summary>int.MinValue widened: a long, not an int, in every operator that widens it.</summary>
    [Syscall]
    public static long Widened(uint u, int p0)
    {
        long a = u + int.MinValue;                  // uint + int is long in C#
        long b = (long)p0 * int.MinValue;           // no 32-bit wraparound
        bool below = p0 < int.MinValue + 1L;        // compared as long
        bool eq = p0 == int.MinValue;
        return a ^ b ^ (below ? 1 : 2) ^ (eq ? 4 : 8);
    }

    [Syscall]
    public static SyscallResult<long> Divided(int p0, long p1)
    {
        int q = int.MinValue / (p0 | 1);            // guarded: p0 | 1 == -1 gives EOVERFLOW
        long r = p1 % long.MinValue;
        int s = p0 / int.MinValue;
        return q + r + s + (s_min >> 31) + (s_lmin >>> 60);
    }

    [Syscall]
    public static int Statics(int p0)
    {
        s_min = unchecked(s_min - p0);
        s_lmin = unchecked(s_lmin * p0);
        switch (p0)
        {
            case int.MinValue:
                return -1;
            case int.MinValue + 1:
                return -2;
        }

        return unchecked(s_min + (int)(s_lmin >> 32));
    }
}
