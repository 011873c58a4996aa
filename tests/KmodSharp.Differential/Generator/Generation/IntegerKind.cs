using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;

namespace KmodSharp.Differential.Generator.Generation;

/// <summary>A type a generated value can have.</summary>
public abstract record GenType(string Name)
{
    public override string ToString() => Name;
}

/// <summary>
/// A C# integer type: its width, signedness, and whether arithmetic on it happens in <c>int</c>
/// (C#'s numeric promotion of the types narrower than 32 bits).
/// </summary>
public sealed record IntegerKind(string Name, int Bits, bool Signed, bool Native = false) : GenType(Name)
{
    public static readonly IntegerKind SByte = new("sbyte", 8, true);
    public static readonly IntegerKind Byte = new("byte", 8, false);
    public static readonly IntegerKind Short = new("short", 16, true);
    public static readonly IntegerKind UShort = new("ushort", 16, false);
    public static readonly IntegerKind Char = new("char", 16, false);
    public static readonly IntegerKind Int = new("int", 32, true);
    public static readonly IntegerKind UInt = new("uint", 32, false);
    public static readonly IntegerKind Long = new("long", 64, true);
    public static readonly IntegerKind ULong = new("ulong", 64, false);
    public static readonly IntegerKind NInt = new("nint", 64, true, Native: true);
    public static readonly IntegerKind NUInt = new("nuint", 64, false, Native: true);

    public static ImmutableArray<IntegerKind> All { get; } = [SByte, Byte, Short, UShort, Char, Int, UInt, Long, ULong, NInt, NUInt];

    /// <summary>Types a struct field, span or inline array element may have (no native integers: their C size is the platform's).</summary>
    public static ImmutableArray<IntegerKind> Fixed { get; } = [SByte, Byte, Short, UShort, Int, UInt, Long, ULong];

    /// <summary>Arithmetic on it is done in <c>int</c>: results need a cast back.</summary>
    public bool Promotes => Bits < 32;

    public int Size => Bits / 8;

    public BigInteger Min => Signed ? -BigInteger.Pow(2, Bits - 1) : 0;

    public BigInteger Max => Signed ? BigInteger.Pow(2, Bits - 1) - 1 : BigInteger.Pow(2, Bits) - 1;

    /// <summary>A constant of this type, written so that its C# type is exactly this one.</summary>
    public string Literal(BigInteger value)
    {
        string digits = BigInteger.Abs(value).ToString(CultureInfo.InvariantCulture);
        string signed = value.Sign < 0 ? "-" + digits : digits;
        return Name switch
        {
            "int" => value == Min ? "int.MinValue" : signed,
            "uint" => digits + "u",
            "long" => value == Min ? "long.MinValue" : signed + "L",
            "ulong" => digits + "UL",
            _ => value.Sign < 0 ? $"({Name})({signed})" : $"({Name}){digits}",
        };
    }

    /// <summary>A value of this type: mostly small, sometimes an edge (min, max, a power of two ± 1).</summary>
    public BigInteger RandomValue(Random random) => random.Next(6) switch
    {
        0 => Clamp(Min),
        1 => Clamp(Max),
        2 => Clamp(BigInteger.Pow(2, random.Next(1, Bits)) + random.Next(-1, 2)),
        _ => Clamp(random.Next(-20, 100)),
    };

    // A native integer's constants stay within int (beyond it, C# does not fold them).
    /// <summary>A small constant C# folds for every kind (native integers' MinValue/MaxValue are not constants: a default parameter value needs one).</summary>
    public string SmallLiteral(Random random) => Literal(Clamp(random.Next(-20, 100)));

    private BigInteger Clamp(BigInteger value) => Native
        ? BigInteger.Max(BigInteger.Max(Min, int.MinValue), BigInteger.Min(BigInteger.Min(Max, int.MaxValue), value))
        : BigInteger.Max(Min, BigInteger.Min(Max, value));
}
