using KmodSharp;

namespace Differential;

/// <summary>
/// Differential module: two-value syscalls whose pair is built in locals, kept in a '(long, long)' local,
/// updated element by element, swapped, or returned from a helper (that may itself fail where .NET throws).
/// </summary>
[KernelModule("storedpairs")]
public static class StoredPairs
{
    [Syscall]
    public static (long, long) MinMax(long a, long b)
    {
        long min = a < b ? a : b;
        long max = a < b ? b : a;
        return (min, max);
    }

    [Syscall]
    public static (long, long) KeptPair(long a, long b)
    {
        var pair = (a, b);
        if (a > b)
        {
            pair = (pair.b, pair.a);
        }

        pair.Item1 += 3;
        pair.b = unchecked(pair.b * 2);
        return pair;
    }

    [Syscall]
    public static (long, long) FromHelper(long value, int shift) => Split(value, shift);

    [Syscall]
    public static (long First, long Second) StoredFromHelper(long value, int divisor)
    {
        (long First, long Second) parts = Divided(value, divisor);
        (long, long) copy = parts;
        parts = (0, 0);
        copy.Item2 -= parts.Second + 1;
        return copy;
    }

    [Syscall]
    public static (long, long) Widened(int small, uint large)
    {
        (long, long) pair = (small, large);
        return pair;
    }

    private static (long, long) Split(long value, int shift) => (value >> shift, value & ((1L << (shift & 63)) - 1));

    // Divides: a zero divisor fails the syscall (EDOM) where .NET throws.
    private static (long, long) Divided(long value, int divisor)
    {
        var result = (value / divisor, value % divisor);
        return result;
    }
}
