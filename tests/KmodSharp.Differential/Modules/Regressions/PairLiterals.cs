using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (fixed): a two-value result written as a tuple literal whose first element is a bare
/// variable ("return (acc, acc + 1);", "return (x, 1L);") was refused as "returning a stored
/// pair": the element's inferred name made it a '(long acc, long)' converted to '(long, long)'.
/// And the elements are evaluated left to right, each before the other's failure.
/// </summary>
[KernelModule("pairlit")]
public static class PairLiterals
{
    private static long s_total = 3;

    [Syscall(Name = "pairlit_local")]
    public static (long, long) Local(long x)
    {
        long acc = unchecked(x * 3);
        return (acc, unchecked(acc + 1));
    }

    [Syscall(Name = "pairlit_parameter")]
    public static (long, long) Parameter(long x) => (x, 1L);

    [Syscall(Name = "pairlit_both")]
    public static (long, long) Both(long x, long y) => (y, x);

    [Syscall(Name = "pairlit_widened")]
    public static (long, long) Widened(int x, uint y)
    {
        short narrow = (short)x;
        return (narrow, y);
    }

    [Syscall(Name = "pairlit_static")]
    public static (long, long) Static(long x)
    {
        s_total = unchecked(s_total + x);
        return (s_total, x);
    }

    [Syscall(Name = "pairlit_named")]
    public static (long, long) Named(long x)
    {
        long first = x >> 1, second = x & 1;
        return (first: first, second: second);
    }

    [Syscall(Name = "pairlit_cast")]
    public static (long, long) Cast(ulong x) => unchecked(((long, long))(x, x >> 60));

    /// <summary>Left to right: Count() runs before the division fails (the division's check came first in C).</summary>
    [Syscall(Name = "pairlit_ordered")]
    public static (long, long) Ordered(long y) => (Count(), 100 / y);

    private static long Count() => ++s_total;

    [Syscall(Name = "pairlit_checked")]
    public static (long, long) Checked(ulong x, long y) => checked(((long, long))(y, x));
}
