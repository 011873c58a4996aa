using System;
using System.Runtime.CompilerServices;
using KmodSharp;

namespace Differential;

[InlineArray(8)]
public struct EightCounters
{
    private int element;
}

/// <summary>
/// The checks Lowering/Simplify proves dead, written as a user would, each beside a twin whose
/// check can fire: the twins' errors must still come, and both must agree with .NET.
/// </summary>
[KernelModule("proved")]
public static class ProvedChecks
{
    [Syscall(Name = "proved_loop")]
    public static int LoopOverEight(int seed)
    {
        Span<int> squares = stackalloc int[8];
        for (int i = 0; i < 8; i++)
        {
            squares[i] = seed * i;
        }

        int total = 0;
        for (int i = 0; i < squares.Length; i++)
        {
            total += squares[i];
        }

        return total;
    }

    // The twin: the caller's count can pass the end.
    [Syscall(Name = "proved_loop_to")]
    public static int LoopTo(int seed, int count)
    {
        Span<int> squares = stackalloc int[8];
        for (int i = 0; i < count; i++)
        {
            squares[i] = seed + i;
        }

        return squares[7];
    }

    [Syscall(Name = "proved_counters")]
    public static int Counters(int step)
    {
        EightCounters counters = default;
        for (int slot = 0; slot < 8; slot++)
        {
            counters[slot] = step * slot;
        }

        return counters[5] - counters[2];
    }

    [Syscall(Name = "proved_masked")]
    public static int Masked(int seed, int pick)
    {
        Span<byte> table = stackalloc byte[16];
        table.Fill(122);
        table[3] = (byte)seed;
        return table[pick & 15] + table[pick & 3];
    }

    // The twin: a mask wider than the table.
    [Syscall(Name = "proved_masked_wide")]
    public static int MaskedWide(int pick)
    {
        Span<byte> table = stackalloc byte[16];
        table.Fill(122);
        return table[pick & 31];
    }

    // The twin of the Fill: only part of the table is filled, the rest must stay zero.
    [Syscall(Name = "proved_half_fill")]
    public static int HalfFill(int pick)
    {
        Span<byte> table = stackalloc byte[16];
        table.Slice(0, 8).Fill(122);
        return table[pick & 15];
    }
}
