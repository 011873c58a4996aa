using System;
using KmodSharp;

namespace Differential;

/// <summary>An int-backed enum: a C enum. Members include C keywords and edge values.</summary>
public enum Mode { Off, Slow = 5, Fast = 10, Turbo = 100, @int = -1, Default = int.MinValue, Case = int.MaxValue }

/// <summary>A byte-backed enum: one #define per member.</summary>
public enum Level : byte { Low = 1, Mid = 128, High = 255 }

/// <summary>A long-backed enum with a value past 32 bits.</summary>
public enum Span64 : long { Near = 1, Far = 1L << 40, Negative = long.MinValue }

/// <summary>A uint-backed enum (unsigned comparisons must stay unsigned).</summary>
public enum Mask : uint { None = 0, Top = 0x80000000, All = 0xffffffff }

/// <summary>Flags combined by name.</summary>
[Flags]
public enum Perm { None = 0, Read = 1, Write = 2, Exec = 4 }

/// <summary>Differential module: enums by name in C — switches, relational/or/and patterns, conversions, flags, shifts.</summary>
[KernelModule("enums")]
public static class Enums
{
    [Syscall]
    public static int Classify(Mode mode) => mode switch
    {
        Mode.Off => 0,
        < Mode.Off and not Mode.Default => 1,
        Mode.Default => 2,
        >= Mode.Slow and < Mode.Turbo => 3,
        Mode.Turbo or Mode.Case => 4,
        _ => 5,
    };

    [Syscall]
    public static SyscallResult<int> NoDefault(Mode mode) => mode switch
    {
        Mode.Slow or Mode.Fast => 1,
        > Mode.Fast and <= Mode.Turbo => 2,
    };

    [Syscall]
    public static int Statement(int value)
    {
        var mode = (Mode)value;
        switch (mode)
        {
            case Mode.Off:
                return 10;
            case Mode.Slow:
            case Mode.Fast:
                return 20 + (int)mode;
            case Mode.@int:
                return -30;
            default:
                return mode > Mode.Turbo ? 40 : 50;
        }
    }

    [Syscall]
    public static long Wide(long x, int shift) => ((long)Span64.Far << shift) ^ (x < (long)Span64.Far ? (long)Span64.Negative : (long)Span64.Near);

    [Syscall]
    public static int UnsignedMask(uint x) => (Mask)x >= Mask.Top ? 1 : (Mask)x == Mask.None ? 2 : x < (uint)Mask.Top ? 3 : 4;

    [Syscall]
    public static int Bytes(byte b) => (Level)b switch
    {
        Level.Low => 1,
        >= Level.Mid and < Level.High => 2,
        Level.High => 3,
        _ => (int)Level.Mid - b,
    };

    [Syscall]
    public static int Flags(int bits)
    {
        var perm = (Perm)bits;
        Perm rw = Perm.Read | Perm.Write;
        int score = (perm & rw) == rw ? 100 : 0;
        if ((perm & Perm.Exec) != Perm.None)
        {
            score += 10;
        }

        return score + (int)(perm & (Perm.Read | Perm.Exec));
    }

    [Syscall]
    public static Mode Next(Mode mode) => mode == Mode.Case ? Mode.Default : mode + 1;

    [Syscall]
    public static long Converted(int x) => x + (long)Mode.Default + (uint)Mode.Case + (byte)Level.High + (short)Mode.@int;
}
