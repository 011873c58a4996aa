using System;
using KmodSharp;

namespace Differential;

public enum Shade : byte { Dark = 1, Light = 200 }

public struct Cell
{
    public byte Tag;
    public long Weight;
    public short Bias;
}

/// <summary>
/// Regression (fixed): a stackalloc's initializer was dropped, leaving only the zero fill:
/// "stackalloc int[] { 3, 1, 4 }" read back as zeros. Explicit, sized and implicit forms, every
/// element kind (integers, enums, bool, structs), elements with side effects and guards.
/// </summary>
[KernelModule("stackinit")]
public static class StackallocInitializers
{
    private static int s_calls;

    private static int Next() => ++s_calls;

    [Syscall(Name = "stackinit_ints")]
    public static int Ints(int i)
    {
        Span<int> digits = stackalloc int[] { 3, 1, 4, i, -i };
        return digits[0] * 10000 + digits[1] * 1000 + digits[2] * 100 + digits[3] * 3 + digits[4] + digits[i & 3];
    }

    [Syscall(Name = "stackinit_index")]
    public static int Index(int i)
    {
        ReadOnlySpan<ushort> table = stackalloc ushort[4] { 65535, 1, 0x8000, 7 };
        return table[i];
    }

    [Syscall(Name = "stackinit_implicit")]
    public static long Implicit(long x)
    {
        Span<long> wide = stackalloc[] { 10L, -20L, long.MaxValue, x };
        Span<byte> bytes = stackalloc byte[3] { 7, 0xFF, (byte)x };
        return wide[0] + wide[1] + (wide[2] >> 40) + wide[3] * 2 + bytes[0] + bytes[1] * 3 + bytes[2];
    }

    [Syscall(Name = "stackinit_kinds")]
    public static int Kinds(int i)
    {
        Span<Shade> shades = stackalloc Shade[] { Shade.Light, Shade.Dark, (Shade)i };
        Span<bool> flags = stackalloc bool[] { true, i > 0, false };
        Span<Cell> cells = stackalloc Cell[] { new Cell { Tag = 9, Weight = 1L << 33, Bias = -5 }, new Cell { Bias = (short)i }, default };
        int sum = (int)shades[0] + (int)shades[1] * 2 + (int)shades[2];
        sum += (flags[0] ? 100 : 0) + (flags[1] ? 1000 : 0) + (flags[2] ? 7 : 0);
        sum += cells[0].Tag + (int)(cells[0].Weight >> 30) + cells[0].Bias + cells[1].Bias * 3 + cells[2].Tag + (int)cells[2].Weight;
        return sum;
    }

    [Syscall(Name = "stackinit_effects")]
    public static int Effects(int i)
    {
        // Elements are evaluated left to right, once; a failing element stops the syscall before the later ones.
        Span<int> values = stackalloc int[] { Next(), 100 / i, Next() };
        return values[0] * 1000 + values[1] * 10 + values[2];
    }
}
