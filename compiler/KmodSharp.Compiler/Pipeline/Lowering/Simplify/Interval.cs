using System.Numerics;

namespace KmodSharp.Compiler.Pipeline.Lowering.Simplify;

/// <summary>The values an integer expression can have: every integer from <paramref name="Min"/> to <paramref name="Max"/>.</summary>
internal readonly record struct Interval(BigInteger Min, BigInteger Max)
{
    public static Interval Of(BigInteger value) => new(value, value);

    public bool IsNonNegative => Min >= 0;

    public bool Within(Interval outer) => Min >= outer.Min && Max <= outer.Max;

    /// <summary>The values both allow, or null when none (the code is unreachable; the analysis then assumes nothing).</summary>
    public Interval? Intersect(Interval other)
    {
        BigInteger min = BigInteger.Max(Min, other.Min), max = BigInteger.Min(Max, other.Max);
        return min <= max ? new Interval(min, max) : null;
    }

    /// <summary>The values either allows (where two paths join).</summary>
    public Interval Union(Interval other) => new(BigInteger.Min(Min, other.Min), BigInteger.Max(Max, other.Max));

    public Interval Add(Interval other) => new(Min + other.Min, Max + other.Max);

    public Interval Subtract(Interval other) => new(Min - other.Max, Max - other.Min);

    public Interval Multiply(Interval other)
    {
        BigInteger a = Min * other.Min, b = Min * other.Max, c = Max * other.Min, d = Max * other.Max;
        return new(BigInteger.Min(BigInteger.Min(a, b), BigInteger.Min(c, d)), BigInteger.Max(BigInteger.Max(a, b), BigInteger.Max(c, d)));
    }
}
