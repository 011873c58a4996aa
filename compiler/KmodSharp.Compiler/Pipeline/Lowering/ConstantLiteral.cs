using System.Globalization;
using System.Numerics;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// The C literal of a C# constant, in a function body or a static's initializer alike. Roslyn gives
/// an integer constant as the boxed value of its type (an enum's as its underlying type, a
/// <c>char</c> as a <c>char</c>, a <c>nint</c>/<c>nuint</c> as <c>int</c>/<c>uint</c>).
/// </summary>
internal static class ConstantLiteral
{
    /// <summary>
    /// <c>true</c>/<c>false</c>, a string, <c>NULL</c>, or an integer with the suffix that gives it
    /// <paramref name="type"/>'s C type (only an integer's type is read).
    /// </summary>
    public static CExpr Of(object? value, KType? type) => value switch
    {
        bool flag => new CIdentifier(flag ? "true" : "false"),
        string text => new CStringLiteral(text),
        null => new CIdentifier("NULL"),
        _ => new CIntegerLiteral(Integer(value), type is null ? CIntegerSuffix.None : CTypeMapper.Suffix(type)),
    };

    /// <summary>Whether the constant is the value static storage starts with (0, <c>false</c>, <c>'\0'</c>, <c>null</c>).</summary>
    public static bool IsZero(object? value) => value switch
    {
        null or false => true,
        true or string => false,
        _ => Integer(value).IsZero,
    };

    /// <summary>The value of an integer, enum or <c>char</c> constant.</summary>
    public static BigInteger Integer(object value) => value switch
    {
        char c => c,
        System.IntPtr n => (long)n,
        System.UIntPtr n => (ulong)n,
        _ => new BigInteger(System.Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
    };
}
