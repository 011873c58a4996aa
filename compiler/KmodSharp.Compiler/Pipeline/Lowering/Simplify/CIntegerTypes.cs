using System.Collections.Generic;
using System.Numerics;
using KmodSharp.Compiler.Pipeline.CTree;

namespace KmodSharp.Compiler.Pipeline.Lowering.Simplify;

/// <summary>
/// A C integer type the generated code declares. <paramref name="Whole"/> holds every value it can
/// have on any FreeBSD target; <paramref name="Kept"/> the values it holds unchanged on every one
/// (they differ for the pointer-sized types, 32 bits on i386 and armv7, 64 on amd64 and arm64).
/// </summary>
internal sealed record CIntegerType(bool IsSigned, Interval Whole, Interval Kept)
{
    private static readonly Dictionary<string, CIntegerType> Named = new()
    {
        ["bool"] = Fixed(false, 1),
        ["int8_t"] = Fixed(true, 8),
        ["uint8_t"] = Fixed(false, 8),
        ["char"] = Fixed(true, 8) with { Whole = new(-128, 255), Kept = new(0, 127) },
        ["int16_t"] = Fixed(true, 16),
        ["uint16_t"] = Fixed(false, 16),
        ["int"] = Fixed(true, 32),
        ["int32_t"] = Fixed(true, 32),
        ["u_int"] = Fixed(false, 32),
        ["uint32_t"] = Fixed(false, 32),
        ["int64_t"] = Fixed(true, 64),
        ["uint64_t"] = Fixed(false, 64),
        ["long long"] = Fixed(true, 64),
        ["size_t"] = Native(false),
        ["u_long"] = Native(false),
        ["long"] = Native(true),
        ["ssize_t"] = Native(true),
        ["intptr_t"] = Native(true),
        ["register_t"] = Native(true),
    };

    /// <summary>The integer type a declaration or cast names, or null for any other type.</summary>
    public static CIntegerType? Of(CType type) => type is CNamedType { Name: var name } && Named.TryGetValue(name, out CIntegerType? integer) ? integer : null;

    /// <summary>The C type of an integer constant: int unless a suffix or its size says otherwise (C11 6.4.4.1).</summary>
    public static bool IsSignedLiteral(CIntegerLiteral literal) =>
        literal.Suffix is CIntegerSuffix.None or CIntegerSuffix.L or CIntegerSuffix.LL && !literal.Hex;

    private static CIntegerType Fixed(bool signed, int bits)
    {
        Interval range = signed
            ? new(-BigInteger.Pow(2, bits - 1), BigInteger.Pow(2, bits - 1) - 1)
            : new(0, BigInteger.Pow(2, bits) - 1);
        return new CIntegerType(signed, range, range);
    }

    private static CIntegerType Native(bool signed) => new(signed, Fixed(signed, 64).Whole, Fixed(signed, 32).Kept);
}
