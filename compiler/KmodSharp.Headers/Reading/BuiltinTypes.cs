using KmodSharp.Headers.Model;
using KmodSharp.Headers.Native;

namespace KmodSharp.Headers.Reading;

/// <summary>Maps libclang's builtin type kinds onto <see cref="CBuiltinKind"/>.</summary>
internal static class BuiltinTypes
{
    /// <summary>The builtin kind and signedness, or <see langword="null"/> when <paramref name="kind"/> is not a builtin.</summary>
    internal static (CBuiltinKind Kind, bool IsSigned)? TryDescribe(CXTypeKind kind) => kind switch
    {
        CXTypeKind.Void => (CBuiltinKind.Void, false),
        CXTypeKind.Bool => (CBuiltinKind.Bool, false),

        // libclang tells plain char's signedness on the target through two kinds.
        CXTypeKind.CharS => (CBuiltinKind.Char, true),
        CXTypeKind.CharU => (CBuiltinKind.Char, false),
        CXTypeKind.SChar => (CBuiltinKind.SignedChar, true),
        CXTypeKind.UChar => (CBuiltinKind.UnsignedChar, false),
        CXTypeKind.WChar => (CBuiltinKind.WChar, true),
        CXTypeKind.Char16 => (CBuiltinKind.Char16, false),
        CXTypeKind.Char32 => (CBuiltinKind.Char32, false),
        CXTypeKind.Short => (CBuiltinKind.Short, true),
        CXTypeKind.UShort => (CBuiltinKind.UnsignedShort, false),
        CXTypeKind.Int => (CBuiltinKind.Int, true),
        CXTypeKind.UInt => (CBuiltinKind.UnsignedInt, false),
        CXTypeKind.Long => (CBuiltinKind.Long, true),
        CXTypeKind.ULong => (CBuiltinKind.UnsignedLong, false),
        CXTypeKind.LongLong => (CBuiltinKind.LongLong, true),
        CXTypeKind.ULongLong => (CBuiltinKind.UnsignedLongLong, false),
        CXTypeKind.Int128 => (CBuiltinKind.Int128, true),
        CXTypeKind.UInt128 => (CBuiltinKind.UnsignedInt128, false),
        CXTypeKind.Half or CXTypeKind.Float16 => (CBuiltinKind.Half, true),
        CXTypeKind.Float => (CBuiltinKind.Float, true),
        CXTypeKind.Double => (CBuiltinKind.Double, true),
        CXTypeKind.LongDouble => (CBuiltinKind.LongDouble, true),
        CXTypeKind.Float128 => (CBuiltinKind.Float128, true),

        // The remaining builtin kinds (fixed-point, bfloat16, ibm128) sit in libclang's builtin range.
        >= CXTypeKind.Void and <= LastBuiltin => (CBuiltinKind.Other, false),
        _ => null,
    };

    private const CXTypeKind LastBuiltin = (CXTypeKind)40;
}
