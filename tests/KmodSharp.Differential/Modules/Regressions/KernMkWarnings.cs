using System;
using KmodSharp;

namespace Differential;

/// <summary>
/// Valid C# whose C gcc's -Wextra refuses but kern.mk does not ask about (found by the program
/// generator, seeds 48, 1058 and 1195): the harness must compile it, as the kmod build does.
/// </summary>
[KernelModule("kernmkwarnings")]
public static class KernMkWarnings
{
    private static byte s_small = 7;
    private static char s_letter;

    private static int NeverCalled(int unused) => 1;

    /// <summary>-Wsign-compare: a promoted complement of an unsigned value against an unsigned one.</summary>
    [Syscall]
    public static int Complement(ushort a)
    {
        int r = 0;
        if (s_small != (ushort)~a)
        {
            r |= 1;
        }

        if ((ulong)s_letter <= ~(ulong)a)
        {
            r |= 2;
        }

        return r;
    }

    /// <summary>-Wtype-limits: an unsigned value compared with 0, and a slice from a constant 0 (its bounds check is <c>0 &gt; len</c>).</summary>
    [Syscall]
    public static int Limits(uint a, int n)
    {
        int r = a >= (sbyte)0 ? 1 : 0;
        Span<int> s = stackalloc int[8];
        if (n < 0 || n > s.Length)
        {
            return -1;
        }

        s.Slice(0, n).Fill(1);
        foreach (int x in s)
        {
            r += x;
        }

        return r;
    }

    /// <summary>-Wunused-parameter: a local function that ignores its parameter.</summary>
    [Syscall]
    public static int UnusedParameter(int a)
    {
        return One(a) + a;

        static int One(int ignored) => 1;
    }
}
