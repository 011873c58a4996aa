using System;
using System.Numerics;
using KmodSharp;

namespace Differential;

/// <summary>
/// Differential module: Math.Min/Max over every integer type C# has them for (libkern's imin, min,
/// qmin, uqmin, lmin, ulmin), on the input generator's extreme values, and arguments evaluated once, in order.
/// </summary>
[KernelModule("integermath")]
public static class IntegerMath
{
    [Syscall] public static int SmallerInt(int left, int right) => Math.Min(left, right);

    [Syscall] public static int LargerInt(int left, int right) => Math.Max(val2: right, val1: left);

    [Syscall] public static uint UnsignedExtremes(uint a, uint b) => Math.Max(a, b) - Math.Min(a, b);

    [Syscall] public static long LongExtremes(long a, long b) => Math.Max(a, b) ^ Math.Min(a, b);

    [Syscall] public static ulong ULongExtremes(ulong a, ulong b) => Math.Min(a, b) + (Math.Max(a, b) >> 1);

    [Syscall] public static nint NativeExtremes(nint a, nint b) => Math.Min(a, b) - Math.Max(a, 3);

    [Syscall] public static nuint NativeUnsignedExtremes(nuint a, nuint b) => Math.Max(a, b) | Math.Min(a, (nuint)7);

    [Syscall]
    public static int NarrowExtremes(short s, byte b, sbyte c, ushort u)
    {
        short smallest = Math.Min(s, (short)-7);
        byte largest = Math.Max(b, (byte)200);
        sbyte low = Math.Min(c, (sbyte)-100);
        ushort high = Math.Max(u, (ushort)40000);
        return smallest + largest * 3 + low * 5 + high;
    }

    // Arguments are evaluated once and in order, even where the C reads one twice.
    private static int s_calls;

    private static int Next(int step)
    {
        s_calls += step;
        return s_calls;
    }

    [Syscall]
    public static int ArgumentsOnce(int a, int b)
    {
        s_calls = a;
        int clamped = Math.Clamp(Next(1), Next(-3), Next(10) + (b & 7));
        int rotated = (int)BitOperations.RotateLeft((uint)Next(2), Next(1));
        return clamped * 31 + rotated + Math.Abs(Next(b & 3)) + s_calls;
    }
}
