using System.Numerics;
using KmodSharp;

namespace Differential;

/// <summary>
/// Differential module: BitOperations (PopCount, LeadingZeroCount, TrailingZeroCount, Log2, IsPow2,
/// RotateLeft/Right) for 32-bit, 64-bit and native operands, on 0, ±1, powers of two and the extremes.
/// </summary>
[KernelModule("bitops")]
public static class BitOps
{
    [Syscall] public static int PopCounts(uint a, ulong b) => BitOperations.PopCount(a) * 100 + BitOperations.PopCount(b);

    [Syscall] public static int LeadingZeros(uint a, ulong b) => BitOperations.LeadingZeroCount(a) * 100 + BitOperations.LeadingZeroCount(b);

    [Syscall]
    public static long TrailingZeros(int a, uint b, long c, ulong d) =>
        BitOperations.TrailingZeroCount(a) * 1_000_000L + BitOperations.TrailingZeroCount(b) * 10_000L
        + BitOperations.TrailingZeroCount(c) * 100L + BitOperations.TrailingZeroCount(d);

    [Syscall] public static int TrailingZerosNative(nint a, nuint b) => BitOperations.TrailingZeroCount(a) * 100 + BitOperations.TrailingZeroCount(b);

    [Syscall] public static int Logarithms(uint a, ulong b) => BitOperations.Log2(a) * 100 + BitOperations.Log2(b);

    [Syscall]
    public static int NativeCounts(nuint a, nuint b) =>
        BitOperations.PopCount(a) * 10_000 + BitOperations.LeadingZeroCount(b) * 100 + BitOperations.Log2(a ^ b);

    [Syscall]
    public static int PowersOfTwo(int a, uint b, long c, ulong d, nint e, nuint f)
    {
        int bits = 0;
        if (BitOperations.IsPow2(a)) bits |= 1;
        if (BitOperations.IsPow2(b)) bits |= 2;
        if (BitOperations.IsPow2(c)) bits |= 4;
        if (BitOperations.IsPow2(d)) bits |= 8;
        if (BitOperations.IsPow2(e)) bits |= 16;
        if (BitOperations.IsPow2(f)) bits |= 32;
        return bits;
    }

    [Syscall] public static uint RotateUInt(uint value, int count) => BitOperations.RotateLeft(value, count) ^ BitOperations.RotateRight(value, count + 3);

    [Syscall] public static ulong RotateULong(ulong value, int count) => BitOperations.RotateLeft(value, offset: count) + BitOperations.RotateRight(value, -count);

    [Syscall] public static nuint RotateNative(nuint value, int count) => BitOperations.RotateRight(value, count);
}
