using System;
using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (generator seeds 44 and 91): C# evaluates Fill's argument once, before the call; the C
/// evaluated it inside the fill loop, once per element, so an argument reading the span saw the
/// elements already written (s.Fill(s[0] + 1) stored v + 1, then v + 2, …), and one with side
/// effects ran once per element (or never, for an empty span).
/// </summary>
[KernelModule("spanonce")]
public static class SpanArgumentsOnce
{
    private static int s_calls;

    private static int Next() => ++s_calls;

    [Syscall]
    public static int FillReadsTheSpan(int v)
    {
        Span<int> s = stackalloc int[4];
        s[0] = v;
        s.Fill(s[0] + 1);
        return s[3];
    }

    /// <summary>Seed 44's shape: a uint kernel buffer filled with the complement of one of its elements.</summary>
    [Syscall]
    public static long FillComplement(uint v, int pick)
    {
        using KernelBuffer<uint> kb = Kernel.Allocate<uint>(16, MallocFlags.WaitOk | MallocFlags.Zero);
        Span<uint> s = kb.Span;
        s[pick & 15] = v;
        s.Fill(~s[14]);
        long acc = 0;
        foreach (uint e in s)
        {
            acc = unchecked(acc * 31 + e);
        }

        return acc;
    }

    [Syscall]
    public static int FillNarrow(short v)
    {
        Span<short> s = stackalloc short[5];
        s[4] = v;
        s.Fill((short)-(s[4] > s[0] ? s[4] : (short)95));
        return s[0] * 7 + s[4];
    }

    /// <summary>Next() runs exactly once per Fill, for an empty span too.</summary>
    [Syscall]
    public static int FillCallsOnce(int n)
    {
        Span<long> s = stackalloc long[3];
        if (n < 0 || n > 3)
        {
            return -1;
        }

        s.Slice(0, n).Fill(Next());
        s.Slice(0, 0).Fill(Next());
        return s_calls * 100 + (int)s[2];
    }
}
