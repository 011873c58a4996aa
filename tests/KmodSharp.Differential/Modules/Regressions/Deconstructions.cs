using System;
using System.Runtime.CompilerServices;
using KmodSharp;

namespace Differential;

public struct Point
{
    public short X;
    public long Y;
}

[InlineArray(4)]
public struct Quad
{
    private uint _element;
}

/// <summary>
/// Regression (fixed): a deconstruction assignment, "(a, b) = (b, a);", was refused (KMS0900 "A
/// tuple"). C# evaluates the targets' locations, then every right-hand value, then assigns left to
/// right: swaps of locals, statics, fields and elements of every integer type, declarations,
/// discards with effects, an index the assignments change, a failing bounds check before any
/// right-hand effect, and a Fibonacci step in a for loop.
/// </summary>
[KernelModule("decon")]
public static class Deconstructions
{
    private static int s_left = 1;
    private static int s_right = -2;
    private static ulong s_wide = 7;
    private static Point s_point = new Point { X = 3, Y = -4 };
    private static Quad s_quad;
    private static int s_calls;

    private static int Next() => ++s_calls;

    [Syscall(Name = "decon_locals")]
    public static long Locals(int a, long b)
    {
        (a, b) = ((int)b, a);
        sbyte c = (sbyte)a;
        ushort d = (ushort)b;
        (c, d) = ((sbyte)d, (ushort)c);
        return unchecked(a * 31 + b * 7 + c * 3 + d);
    }

    [Syscall(Name = "decon_statics")]
    public static long Statics(int v)
    {
        s_left = unchecked(s_left + v);
        (s_left, s_right) = (s_right, s_left);
        (s_wide, s_left) = (unchecked((ulong)s_left * 3), (int)(s_wide & 0xFFFF));
        return unchecked(s_left * 1000L + s_right + (long)s_wide);
    }

    [Syscall(Name = "decon_fields")]
    public static long Fields(short v)
    {
        s_point.X = v;
        (s_point.X, s_point.Y) = ((short)s_point.Y, s_point.X);
        var local = new Point { X = 1, Y = v };
        (local.Y, local.X) = (local.X, (short)(local.Y + 1));
        return s_point.X * 100000L + s_point.Y + local.X * 1000L + local.Y;
    }

    [Syscall(Name = "decon_declare")]
    public static long Declare(long v)
    {
        var (x, y) = (v, unchecked(v + 1));
        (int z, _) = ((int)v, Next());
        (_, byte w) = (Next(), (byte)v);
        return unchecked(x + y + z + w + s_calls);
    }

    [Syscall(Name = "decon_elements")]
    public static long Elements(int i, int j)
    {
        Span<long> s = stackalloc long[4];
        s[0] = 5;
        s[1] = 6;
        int k = i & 3;
        (k, s[k]) = (j & 3, 9);
        (s[k], s[0]) = (s[0], s[k]);
        int m = i & 3, n = j & 3;
        s_quad[m] = (uint)i;
        (s_quad[m], s_quad[n]) = (s_quad[n], s_quad[m]);
        return s[0] * 1000 + s[1] * 100 + s[2] * 10 + s[3] + k + s_quad[0] + s_quad[3];
    }

    /// <summary>The bounds check of a target comes before the right side runs: Next() is not called for a bad index.</summary>
    [Syscall(Name = "decon_bounds")]
    public static long Bounds(int i)
    {
        Span<int> s = stackalloc int[3];
        (s_left, s[i]) = (Next(), Next());
        return s_left + s[0] + s_calls;
    }

    [Syscall(Name = "decon_calls")]
    public static long Calls(int v)
    {
        int a, b;
        (a, b) = (Next(), unchecked(Next() + v));
        (s_calls, a) = (a, s_calls);
        return a * 1000L + b;
    }

    [Syscall(Name = "decon_fibonacci")]
    public static long Fibonacci(int count)
    {
        long a = 0, b = 1;
        for (int i = 0; i < (count & 63); (a, b, i) = (b, unchecked(a + b), i + 1))
        {
        }

        return a;
    }

    [Syscall(Name = "decon_by_ref")]
    public static long ByRef(int v)
    {
        int first = v, second = v * 2;
        Exchange(ref first, ref second);
        return first * 1000L + second;
    }

    private static void Exchange(ref int a, ref int b) => (a, b) = (b, a);
}
