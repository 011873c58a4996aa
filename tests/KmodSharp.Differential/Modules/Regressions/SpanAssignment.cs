using System;
using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (found with issue 14's span checks): `t = t.Slice(1)` was refused with "Span.Slice is
/// not supported", and `s = t` between two span variables became an assignment to a fresh,
/// uninitialised C pointer, leaving the span and its Length unchanged. A span variable takes the
/// other span's pointer and length; a foreach walks the span it started with, as C# does.
/// </summary>
[KernelModule("spanassign")]
public static class SpanAssignment
{
    private static int Sum(Span<int> s)
    {
        int acc = 0;
        while (!s.IsEmpty)
        {
            acc = unchecked(acc * 10 + s[0]);
            s = s.Slice(1);
        }

        return acc;
    }

    [Syscall]
    public static int SliceInForeach(int v)
    {
        Span<int> s = stackalloc int[4];
        Span<int> t = s.Slice(1);
        s[0] = v;
        s[2] = 7;
        s[3] = v & 7;
        int acc = 0;
        foreach (int e in t)
        {
            acc = unchecked(acc * 10 + e);
            t = t.Slice(1);
        }

        return acc * 10 + t.Length;
    }

    [Syscall]
    public static int Swap(int v, int pick)
    {
        Span<int> a = stackalloc int[3];
        Span<int> b = stackalloc int[5];
        a[0] = v;
        b[4] = pick;
        Span<int> x = a;
        Span<int> y = b;
        if ((pick & 1) != 0)
        {
            Span<int> z = x;
            x = y;
            y = z;
        }

        ReadOnlySpan<int> r = y;
        int seen = 0;
        foreach (int e in r)
        {
            seen = unchecked(seen * 3 + e);
            r = r.Slice(r.Length - 1);
        }

        return x.Length * 100 + y.Length * 10 + x[x.Length - 1] + Sum(y) + seen;
    }

    [Syscall]
    public static long Buffer(int n)
    {
        if (n < 0 || n > 8)
        {
            return -1;
        }

        using KernelBuffer<long> kb = Kernel.Allocate<long>(8, MallocFlags.WaitOk | MallocFlags.Zero);
        Span<long> s = kb.Span;
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = i + 1;
        }

        s = s.Slice(n);
        long acc = 0;
        foreach (long e in s)
        {
            acc = acc * 10 + e;
        }

        return acc * 10 + s.Length;
    }
}
