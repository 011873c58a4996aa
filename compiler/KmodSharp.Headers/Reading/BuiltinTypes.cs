using KmodSharp.Headers.Model;
using KmodSharp.Headers.Native;

namespace KmodSharp.Headers.Reading;

/// <summary>Maps libclang's builtin type kinds onto <see cref="HeaderBuiltinKind"/>.</summary>
internal static class BuiltinTypes
{
    /// <summary>The builtin kind and signedness, or <see langword="null"/> when <paramref name="kind"/> is not a builtin.</summary>
    internal static (HeaderBuiltinKind Kind, bool IsSigned)? TryDescribe(CXTypeKind kind) => kind switch
    {
        CXTypeKind.Void => (HeaderBuiltinKind.Void, false),
        CXTypeKind.Bool => (HeaderBuiltinKind.Bool, false),

        // libclang tells plain char's signedness on the target through two kinds.
        CXTypeKind.CharS => (HeaderBuiltinKind.Char, true),
        CXTypeKind.CharU => (HeaderBuiltinKind.Char, false),
        CXTypeKind.SChar => (HeaderBuiltinKind.SignedChar, true),
        CXTypeKind.UChar => (HeaderBuiltinKind.UnsignedChar, false),
        CXTypeKind.WChar => (HeaderBuiltinKind.WChar, true),
        CXTypeKind.Char16 => (HeaderBuiltinKind.Char16, false),
        CXTypeKind.Char32 => (HeaderBuiltinKind.Char32, false),
        CXTypeKind.Short => (HeaderBuiltinKind.Short, true),
        CXTypeKind.UShort => (HeaderBuiltinKind.UnsignedShort, false),
        CXTypeKind.Int => (HeaderBuiltinKind.Int, true),
        CXTypeKind.UInt => (HeaderBuiltinKind.UnsignedInt, false),
        CXTypeKind.Long => (HeaderBuiltinKind.Long, true),
        CXTypeKind.ULong => (HeaderBuiltinKind.UnsignedLong, false),
        CXTypeKind.LongLong => (HeaderBuiltinKind.LongLong, true),
        CXTypeKind.ULongLong => (HeaderBuiltinKind.UnsignedLongLong, false),
        CXTypeKind.Int128 => (HeaderBuiltinKind.Int128, true),
        CXTypeKind.UInt128 => (HeaderBuiltinKind.UnsignedInt128, false),
        CXTypeKind.Half or CXTypeKind.Float16 => (HeaderBuiltinKind.Half, true),
        CXTypeKind.Float => (HeaderBuiltinKind.Float, true),
        CXTypeKind.Double => (HeaderBuiltinKind.Double, true),
        CXTypeKind.LongDouble => (HeaderBuiltinKind.LongDouble, true),
        CXTypeKind.Float128 => (HeaderBuiltinKind.Float128, true),

        // The remaining builtin kinds (fixed-point, bfloat16, ibm128) sit in libclang's builtin range.
        >= CXTypeKind.Void and <= LastBuiltin => (HeaderBuiltinKind.Other, false),
        _ => null,
    };

    private const CXTypeKind LastBuiltin = (CXTypeKind)40;
}
