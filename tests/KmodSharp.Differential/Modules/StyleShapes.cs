using System;
using System.Runtime.CompilerServices;
using KmodSharp;

namespace Differential;

[InlineArray(4)]
public struct Quad { private long cell; }

public struct Nest { public Quad Deepest; public int Tag; }

public struct Shelf { public Nest Lower; public Nest Upper; }

public struct Pair { public Quad A; public Quad B; }

/// <summary>
/// C# whose C the lowering reshapes for style(9): branches left empty (a field assigned to itself),
/// also under a pattern whose subject the C computes into a temporary first, an else holding one
/// if, a pattern switch's scope block, and statements nested deep enough that their operands, down
/// to one element of an array in a struct, need temporaries to fit 80 columns.
/// </summary>
[KernelModule("shapes")]
public static class StyleShapes
{
    private static int level = 3;
    private static Nest nest;
    private static Quad q;
    private static Shelf shelf;
    private static Pair pair;

    [Syscall(Name = "shapes_empty")]
    public static SyscallResult<int> EmptyBranches(int x, int y)
    {
        if (x > 3)
        {
            level = level;
        }

        if (y < 0)
        {
            level = level;
        }
        else
        {
            level = y & 7;
        }

        if ((x & 1) == 0)
        {
            level += 2;
        }
        else
        {
            nest.Tag = nest.Tag;
        }

        return level;
    }

    [Syscall(Name = "shapes_chain")]
    public static SyscallResult<int> ElseIfChain(int x)
    {
        int kind;
        if (x < 0)
        {
            kind = 1;
        }
        else
        {
            if (x == 0)
            {
                kind = 2;
            }
            else if (x < 10)
            {
                kind = 3;
            }
            else
            {
                kind = x switch
                {
                    var n when n > 100 => 4,
                    < 50 => 5,
                    _ => 6,
                };
            }
        }

        return kind;
    }

    [Syscall(Name = "shapes_wide")]
    public static SyscallResult<long> Wide(int a, int b)
    {
        long acc = 0;
        for (int i = 0; i < 4; i++)
        {
            if (a > i)
            {
                int turns = b & 3;
                while (turns-- > 0)
                {
                    switch (a & 1)
                    {
                        case 0:
                            acc += (long)((ulong)(ushort)(a * i + b) << (b & 15)) ^ (long)(sbyte)((short)(a - b) * (short)(b + i)) + ((uint)(a ^ b) > (uint)(b | i) ? 1 : 0);
                            break;
                        default:
                            q[turns & 3] = (long)((ulong)(uint)q[1] << (b & 15)) ^ (long)(ushort)(q[2] + a) ^ (long)(short)(q[3] - b);
                            acc -= q[turns & 3];
                            break;
                    }
                }
            }
        }

        return acc;
    }

    [Syscall(Name = "shapes_deep")]
    public static SyscallResult<long> Deep(int a, int b, uint c)
    {
        long acc = 0;
        b &= 63;
        for (int i = 0; i < 4; i++)
        {
            nest.Deepest[i] = a * i;
            while (b > 0)
            {
                b -= 3;
                if ((c & 1u) == 0)
                {
                    switch (a & 3)
                    {
                        case 0:
                            if (b != 7)
                            {
                                nest.Deepest[(int)(c & 3u)] = unchecked((long)((ulong)nest.Deepest[a & 3] << (b & 63)) ^ (long)(ushort)(nest.Deepest[i] - (short)b));
                                acc += (short)((short)nest.Deepest[b & 3] * (short)nest.Deepest[(a ^ b) & 3]) + ((ulong)nest.Deepest[i & 3] > (ulong)nest.Deepest[(i + 1) & 3] ? 1 : 0);
                            }

                            break;
                        default:
                            acc -= (long)(ushort)(nest.Deepest[(int)(c & 3u)] - (short)(nest.Deepest[b & 3] >> 3));
                            break;
                    }
                }
            }
        }

        return acc + nest.Deepest[0];
    }

    [Syscall(Name = "shapes_empty_pattern")]
    public static SyscallResult<long> EmptyPattern(int a, int b)
    {
        shelf.Lower.Deepest[a & 3] = b;
        if (shelf.Lower.Deepest[(b & 3)] is < -25 and > -100)
        {
            level = level;
        }

        if (shelf.Upper.Deepest[3 - (a & 3)] is > 7 or 0)
        {
            level = level;
        }
        else
        {
            level = a;
        }

        return shelf.Lower.Deepest[a & 3] + level;
    }

    [Syscall(Name = "shapes_deep_elements")]
    public static SyscallResult<long> DeepElements(int a, int b)
    {
        long acc = 0;
        for (int i = 0; i < 4; i++)
        {
            pair.A[i] = a - i;
            pair.B[i] = b * i;
            for (int j = 0; j < 2; j++)
            {
                if (a > j)
                {
                    switch (b & 1)
                    {
                        case 0:
                            if (i != j)
                            {
                                if ((a & 2) == 0)
                                {
                                    acc += pair.A[(a ^ i) & 3] > pair.B[(b + j) & 3] ? 1 : 0;
                                    acc -= pair.B[(a + i + j) & 3] > pair.A[(b ^ j) & 3] ? 3 : 2;
                                }
                            }

                            break;
                        default:
                            acc ^= (long)(ushort)pair.A[(i + j) & 3];
                            break;
                    }
                }
            }
        }

        return acc;
    }
}
