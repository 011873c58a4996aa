using System.Collections.Immutable;

namespace KmodSharp.Headers.Model;

/// <summary>A builtin arithmetic type or <c>void</c>; <see cref="HeaderType.Size"/> gives its width on the target.</summary>
/// <param name="Kind">Which builtin type.</param>
/// <param name="IsSigned">True for signed integer types (plain <c>char</c> follows the target).</param>
public sealed record HeaderBuiltinType(HeaderBuiltinKind Kind, bool IsSigned) : HeaderType
{
    /// <summary>True for the integer types, <c>_Bool</c> and the character types included.</summary>
    public bool IsInteger => Kind is >= HeaderBuiltinKind.Bool and <= HeaderBuiltinKind.UnsignedInt128;
}

/// <summary>A pointer, including a function pointer (a pointer to a <see cref="HeaderFunctionType"/>).</summary>
/// <param name="Pointee">The pointed-to type, with its own qualifiers.</param>
public sealed record HeaderPointerType(HeaderType Pointee) : HeaderType
{
    /// <summary>True when the pointee is a function type, directly or through typedefs.</summary>
    public bool IsFunctionPointer => Pointee.StripTypedefs() is HeaderFunctionType;
}

/// <summary>An array; <paramref name="Length"/> is <see langword="null"/> for <c>T[]</c> and variable-length arrays.</summary>
/// <param name="Element">The element type.</param>
/// <param name="Length">The element count, when constant.</param>
public sealed record HeaderArrayType(HeaderType Element, long? Length) : HeaderType;

/// <summary>A use of a <c>struct</c> or <c>union</c> type; the definition is a <see cref="HeaderRecord"/> with the same canonical spelling.</summary>
/// <param name="Kind">Struct or union.</param>
/// <param name="Name">The tag, or empty for an anonymous record.</param>
/// <param name="IsAnonymous">True when the record has no tag.</param>
public sealed record HeaderRecordRefType(HeaderRecordKind Kind, string Name, bool IsAnonymous) : HeaderType;

/// <summary>A use of an <c>enum</c> type; the definition is a <see cref="HeaderEnum"/>.</summary>
/// <param name="Name">The tag, or empty for an anonymous enum.</param>
/// <param name="IsAnonymous">True when the enum has no tag.</param>
public sealed record HeaderEnumRefType(string Name, bool IsAnonymous) : HeaderType;

/// <summary>A use of a typedef name; <paramref name="Underlying"/> follows the chain one step.</summary>
/// <param name="Name">The typedef name.</param>
/// <param name="Underlying">The type the typedef names, itself possibly a typedef.</param>
public sealed record HeaderTypedefRefType(string Name, HeaderType Underlying) : HeaderType;

/// <summary>A function type (seen behind function pointers and in function typedefs).</summary>
/// <param name="ReturnType">The result type.</param>
/// <param name="Parameters">The parameter types.</param>
/// <param name="IsVariadic">True when the parameter list ends in <c>...</c>.</param>
/// <param name="HasPrototype">False for an old-style <c>int f()</c> declaration.</param>
public sealed record HeaderFunctionType(HeaderType ReturnType, ImmutableArray<HeaderType> Parameters, bool IsVariadic, bool HasPrototype) : HeaderType;

/// <summary>A type this model does not describe further (vectors, <c>_Complex</c>, <c>_Atomic</c>, …); only spelling, size and alignment are known.</summary>
/// <param name="ClangKind">libclang's type kind number, for diagnosis.</param>
public sealed record HeaderOtherType(int ClangKind) : HeaderType;

/// <summary>The builtin types.</summary>
public enum HeaderBuiltinKind
{
    /// <summary><c>void</c>.</summary>
    Void,

    /// <summary><c>_Bool</c>.</summary>
    Bool,

    /// <summary>Plain <c>char</c> (signedness is the target's).</summary>
    Char,

    /// <summary><c>signed char</c>.</summary>
    SignedChar,

    /// <summary><c>unsigned char</c>.</summary>
    UnsignedChar,

    /// <summary><c>wchar_t</c> as a builtin (C++ only; C spells it as a typedef).</summary>
    WChar,

    /// <summary><c>char16_t</c> as a builtin.</summary>
    Char16,

    /// <summary><c>char32_t</c> as a builtin.</summary>
    Char32,

    /// <summary><c>short</c>.</summary>
    Short,

    /// <summary><c>unsigned short</c>.</summary>
    UnsignedShort,

    /// <summary><c>int</c>.</summary>
    Int,

    /// <summary><c>unsigned int</c>.</summary>
    UnsignedInt,

    /// <summary><c>long</c>.</summary>
    Long,

    /// <summary><c>unsigned long</c>.</summary>
    UnsignedLong,

    /// <summary><c>long long</c>.</summary>
    LongLong,

    /// <summary><c>unsigned long long</c>.</summary>
    UnsignedLongLong,

    /// <summary><c>__int128</c>.</summary>
    Int128,

    /// <summary><c>unsigned __int128</c>.</summary>
    UnsignedInt128,

    /// <summary><c>_Float16</c> or <c>__fp16</c>.</summary>
    Half,

    /// <summary><c>float</c>.</summary>
    Float,

    /// <summary><c>double</c>.</summary>
    Double,

    /// <summary><c>long double</c>.</summary>
    LongDouble,

    /// <summary><c>__float128</c>.</summary>
    Float128,

    /// <summary>Another builtin type (fixed-point, bfloat16, …).</summary>
    Other,
}
