using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using KmodSharp;

namespace Differential;

public enum Speed : byte { Slow = 3, Fast = 250 }

public enum Level { Low = -4, High = 1 << 20 }

public struct Range
{
    public short Low;
    public long High;
}

public struct Limits
{
    public Range Window;
    public sbyte Sign;
}

public struct Config
{
    public int Max;
    public Limits Limits;
    public Speed Speed;
    public uint Mask;
    public bool Enabled;
}

[InlineArray(3)]
public struct Triple
{
    private int _element;
}

[StructLayout(LayoutKind.Explicit, Size = 16)]
public struct Overlay
{
    [FieldOffset(0)] public int Head;
    [FieldOffset(8)] public ulong Tail;
}

/// <summary>
/// Regression (fixed): a static field of struct type started as zeros whatever its initializer
/// ("static Config s_c = new Config { Max = 16 }"), and a struct used only through a static field
/// had no definition ("static struct Config x;" did not compile). Nested initializers, default,
/// readonly statics, enums of every width, an inline array and an explicit layout.
/// </summary>
[KernelModule("staticinit")]
public static class StaticInitializers
{
    private static Config s_config = new Config
    {
        Max = 16,
        Limits = new Limits { Window = new Range { Low = -3, High = 1L << 40 }, Sign = -1 },
        Speed = Speed.Fast,
        Mask = 0x80000001,
        Enabled = true,
    };

    private static readonly Range s_fixed = new() { High = -9 };
    private static Range s_zero = default;
    private static Limits s_empty = new Limits();
    private static Speed s_speed = Speed.Slow;
    private static Level s_level = Level.High;
    private static Triple s_triple;
    private static Overlay s_overlay = new Overlay { Head = -2, Tail = 0xFFFF_0000_0000_0001UL };
    private static int s_count = 7;

    [Syscall(Name = "staticinit_get")]
    public static long Get(int which) => which switch
    {
        0 => s_config.Max,
        1 => s_config.Limits.Window.Low,
        2 => s_config.Limits.Window.High,
        3 => s_config.Limits.Sign,
        4 => (long)s_config.Speed,
        5 => s_config.Mask,
        6 => s_config.Enabled ? 1 : 0,
        7 => s_fixed.High + s_fixed.Low,
        8 => s_zero.Low + s_zero.High + s_empty.Sign + s_empty.Window.High,
        9 => (long)s_speed + (long)s_level,
        10 => s_triple[0] + s_triple[1] + s_triple[2],
        11 => s_overlay.Head + (long)(s_overlay.Tail >> 32),
        _ => s_count,
    };

    [Syscall(Name = "staticinit_bump")]
    public static int Bump(int by)
    {
        s_config.Max += by;
        s_config.Limits.Window.Low = (short)(s_config.Limits.Window.Low - 1);
        s_triple[by & 1] += by;
        s_count++;
        return s_config.Max * 100 + s_config.Limits.Window.Low + s_triple[0] + s_count;
    }
}
