using System;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers.Flow;

/// <summary>
/// The integers a value may hold, [<see cref="Lo"/>, <see cref="Hi"/>] (the eBPF verifier's bounds).
/// Ends are kept in <see cref="long"/>: <c>ulong</c> and <c>nuint</c> saturate at <see cref="long.MaxValue"/>.
/// An operation that may overflow its type gives the whole type, which is what wrapping arithmetic can reach.
/// </summary>
internal readonly struct Interval : IEquatable<Interval>
{
    /// <summary>The largest size a <c>Length</c> can report: kernel buffers and stack spans are far smaller, so it is bounded.</summary>
    public const long KnownSizeLimit = 1 << 30;

    public Interval(long lo, long hi)
    {
        Lo = lo;
        Hi = hi;
    }

    public long Lo { get; }

    public long Hi { get; }

    public static Interval Full => new(long.MinValue, long.MaxValue);

    public static Interval Of(long value) => new(value, value);

    /// <summary>Some <c>Length</c>: at least 0, at most a known size.</summary>
    public static Interval Length => new(0, KnownSizeLimit);

    public bool IsEmpty => Lo > Hi;

    /// <summary>
    /// Both ends are bounded: neither reaches a 32-bit extreme. <c>if (n &lt; 0) return</c> leaves an int at
    /// [0, int.MaxValue], which is not; an unsigned value only needs an upper check.
    /// </summary>
    public bool IsBounded => LowBounded && HighBounded;

    public bool LowBounded => Lo > int.MinValue;

    public bool HighBounded => Hi < int.MaxValue;

    /// <summary>The values of an integer type (null for any other type).</summary>
    public static Interval? OfType(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { EnumUnderlyingType: { } underlying })
        {
            type = underlying;
        }

        return type?.SpecialType switch
        {
            SpecialType.System_SByte => new Interval(sbyte.MinValue, sbyte.MaxValue),
            SpecialType.System_Byte => new Interval(0, byte.MaxValue),
            SpecialType.System_Int16 => new Interval(short.MinValue, short.MaxValue),
            SpecialType.System_UInt16 or SpecialType.System_Char => new Interval(0, ushort.MaxValue),
            SpecialType.System_Int32 => new Interval(int.MinValue, int.MaxValue),
            SpecialType.System_UInt32 => new Interval(0, uint.MaxValue),
            SpecialType.System_Int64 or SpecialType.System_IntPtr => Full,
            SpecialType.System_UInt64 or SpecialType.System_UIntPtr => new Interval(0, long.MaxValue),
            _ => null,
        };
    }

    /// <summary>The bit width of an integer type, 0 for others.</summary>
    public static int Width(ITypeSymbol? type) => type?.SpecialType switch
    {
        SpecialType.System_SByte or SpecialType.System_Byte => 8,
        SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Char => 16,
        SpecialType.System_Int32 or SpecialType.System_UInt32 => 32,
        SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_IntPtr or SpecialType.System_UIntPtr => 64,
        _ => 0,
    };

    public bool Contains(Interval other) => Lo <= other.Lo && other.Hi <= Hi;

    public Interval Join(Interval other) => new(Math.Min(Lo, other.Lo), Math.Max(Hi, other.Hi));

    public Interval Meet(Interval other) => new(Math.Max(Lo, other.Lo), Math.Min(Hi, other.Hi));

    /// <summary>Ends that keep moving jump to the extremes, so loops reach a fixed point.</summary>
    public Interval Widen(Interval next) => new(next.Lo < Lo ? long.MinValue : Lo, next.Hi > Hi ? long.MaxValue : Hi);

    /// <summary>This interval seen as <paramref name="type"/>: unchanged when it fits, else the whole type (a wrap).</summary>
    public Interval In(Interval type) => type.Contains(this) ? this : type;

    // Ends within ±2^62 add without overflow; within ±2^31 they multiply without overflow.
    private const long AddSafe = 1L << 62;
    private const long MulSafe = 1L << 31;

    public static Interval Add(Interval a, Interval b) =>
        Within(a, AddSafe) && Within(b, AddSafe) ? new(a.Lo + b.Lo, a.Hi + b.Hi) : Full;

    public static Interval Subtract(Interval a, Interval b) =>
        Within(a, AddSafe) && Within(b, AddSafe) ? new(a.Lo - b.Hi, a.Hi - b.Lo) : Full;

    public static Interval Multiply(Interval a, Interval b)
    {
        if (!Within(a, MulSafe) || !Within(b, MulSafe))
        {
            return Full;
        }

        long p1 = a.Lo * b.Lo, p2 = a.Lo * b.Hi, p3 = a.Hi * b.Lo, p4 = a.Hi * b.Hi;
        return new(Math.Min(Math.Min(p1, p2), Math.Min(p3, p4)), Math.Max(Math.Max(p1, p2), Math.Max(p3, p4)));
    }

    /// <summary>Division truncates toward zero, so a positive divisor never grows the dividend's magnitude.</summary>
    public static Interval Divide(Interval a, Interval b)
    {
        if (b.Lo <= 0 || a.Lo == long.MinValue)
        {
            return b.Hi < 0 || b.Lo > 0 ? new(-Magnitude(a), Magnitude(a)) : Full;
        }

        long lo = a.Lo >= 0 ? a.Lo / b.Hi : a.Lo / b.Lo;
        long hi = a.Hi >= 0 ? a.Hi / b.Lo : a.Hi / b.Hi;
        return new(lo, hi);
    }

    /// <summary>The remainder has the dividend's sign and is smaller than the divisor's magnitude.</summary>
    public static Interval Remainder(Interval a, Interval b)
    {
        long m = Math.Max(Magnitude(b), 1) - 1;
        if ((b.Lo <= 0 && b.Hi >= 0) || b.Lo == long.MinValue)
        {
            m = long.MaxValue;
        }

        long limit = Math.Min(m, Magnitude(a));
        return new(a.Lo >= 0 ? 0 : -limit, a.Hi <= 0 ? 0 : limit);
    }

    /// <summary><c>x &amp; m</c> with a non-negative side is at most that side.</summary>
    public static Interval And(Interval a, Interval b)
    {
        if (a.Lo >= 0 && b.Lo >= 0)
        {
            return new(0, Math.Min(a.Hi, b.Hi));
        }

        if (a.Lo >= 0 || b.Lo >= 0)
        {
            return new(0, a.Lo >= 0 ? a.Hi : b.Hi);
        }

        return Full;
    }

    public static Interval ShiftRight(Interval a, Interval b) =>
        b.Lo >= 0 && b.Hi < 64 ? new(a.Lo >= 0 ? a.Lo >> (int)b.Hi : a.Lo >> (int)b.Lo, a.Hi >= 0 ? a.Hi >> (int)b.Lo : a.Hi >> (int)b.Hi) : Full;

    public static Interval ShiftLeft(Interval a, Interval b) =>
        b.Lo >= 0 && b.Hi < 31 && Within(a, MulSafe) ? Multiply(a, new Interval(1L << (int)b.Lo, 1L << (int)b.Hi)) : Full;

    public static Interval Negate(Interval a) => a.Lo == long.MinValue ? Full : new(-a.Hi, -a.Lo);

    public bool Equals(Interval other) => Lo == other.Lo && Hi == other.Hi;

    public override bool Equals(object? obj) => obj is Interval other && Equals(other);

    public override int GetHashCode() => Lo.GetHashCode() * 31 + Hi.GetHashCode();

    public override string ToString() => "[" + Lo + ", " + Hi + "]";

    private static long Magnitude(Interval a) => a.Lo == long.MinValue ? long.MaxValue : Math.Max(Math.Abs(a.Lo), Math.Abs(a.Hi));

    private static bool Within(Interval a, long limit) => a.Lo >= -limit && a.Hi <= limit;
}
