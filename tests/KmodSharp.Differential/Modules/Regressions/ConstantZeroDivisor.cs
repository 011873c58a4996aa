using System;
using System.Runtime.CompilerServices;
using KmodSharp;

namespace Differential;

[InlineArray(4)]
public struct ZeroQuad
{
    private int _e;
}

public struct ZeroPair
{
    public int A;
    public ushort B;
}

/// <summary>
/// Regression (generator seeds 13, 34, 58, 65): C# accepts a constant zero divisor whenever the
/// dividend is not a constant (`x %= 0`, `x / (byte)0`, `v / 0L`); .NET throws DivideByZeroException
/// (EDOM). The C was `x = x % 0U` — gcc refuses it (-Werror=div-by-zero) — and an unsigned or long
/// zero (`0U`, `0L`) even lost the EDOM guard. Each syscall reaches the division only for some
/// inputs, after side effects .NET keeps (`s_calls`, `s_2`), and returns the state otherwise.
/// </summary>
[KernelModule("zerodivisor")]
public static class ConstantZeroDivisor
{
    private static byte s_2 = 200;
    private static int s_calls;
    private static ZeroQuad s_q;
    private static ZeroPair s_p;

    private static int Next() => ++s_calls;

    private static void Wipe(ref short value) => value %= 0;

    /// <summary>An Errno helper: the failure is no return value of it.</summary>
    private static Errno Check(int v)
    {
        int t = v;
        if (v > 3)
        {
            t %= 0;
        }

        return t == 0 ? Errno.EINVAL : Errno.None;
    }

    [Syscall]
    public static SyscallResult<long> NarrowStatic(uint a0)
    {
        if ((a0 & 1) != 0)
        {
            s_2 %= 0;
        }

        s_2 += 3;
        return s_2;
    }

    [Syscall]
    public static int Casts(int v, int pick)
    {
        switch (pick & 7)
        {
            case 0:
                return v / (byte)0;
            case 1:
                return v % (0);
            case 2:
                return checked(v / 0);
            case 3:
                return (int)(v / 0L);
            case 4:
                return (int)((uint)v % 0U);
            case 5:
                return (int)((ulong)v / (ulong)0);
            default:
                return v + s_2;
        }
    }

    /// <summary>The dividend runs (Next() counts) before the division fails.</summary>
    [Syscall]
    public static int DividendFirst(int v)
    {
        if (v > 0)
        {
            return Next() / 0;
        }

        return s_calls;
    }

    [Syscall]
    public static long Compound(long v, int pick)
    {
        Span<int> s = stackalloc int[4];
        s[1] = (int)v;
        ulong u = (ulong)v;
        short r = (short)v;
        switch (pick & 7)
        {
            case 0:
                u /= 0;
                break;
            case 1:
                // The index is checked first: EINVAL for an index out of range, EDOM otherwise.
                s[pick >> 3] /= 0;
                break;
            case 2:
                checked
                {
                    v %= 0;
                }

                break;
            case 3:
                Wipe(ref r);
                break;
            case 4:
                sbyte b = (sbyte)v;
                b /= (sbyte)0;
                return b;
        }

        return v + (long)u + s[1] + r;
    }

    /// <summary>Inline array elements, struct fields, a short-circuit operand, a loop condition, a switch arm, a helper.</summary>
    [Syscall]
    public static int Shapes(int v, int pick)
    {
        ZeroQuad q = default;
        ZeroPair p = new ZeroPair { A = v, B = (ushort)v };
        switch (pick & 7)
        {
            case 0:
                q[v & 3] /= 0;
                break;
            case 1:
                s_q[2] %= 0;
                break;
            case 2:
                p.B /= 0;
                break;
            case 3:
                s_p.A %= 0;
                break;
            case 4:
                if (v > 0 && (v /= 0) > 1)
                {
                    return 7;
                }

                break;
            case 5:
                for (int i = 0; i < v / (short)0; i++)
                {
                }

                break;
            case 6:
                return (int)Check(v);
            default:
                return v switch
                {
                    > 5 => v % 0,
                    _ => v,
                };
        }

        return q[0] + p.A + p.B + s_q[2] + s_p.A;
    }
}
