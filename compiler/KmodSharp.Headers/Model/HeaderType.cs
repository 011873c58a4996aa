using System;

namespace KmodSharp.Headers.Model;

/// <summary>
/// A C type as read from a header: a small closed hierarchy of immutable records with no handle
/// into libclang. <see cref="Spelling"/> is the type as written (typedef names kept),
/// <see cref="CanonicalSpelling"/> the type with every typedef resolved; compare types by the latter.
/// </summary>
public abstract record HeaderType
{
    /// <summary>The type as clang spells it where it was used, qualifiers included (e.g. <c>const size_t</c>).</summary>
    public required string Spelling { get; init; }

    /// <summary>The canonical type's spelling: typedefs resolved, so equal types spell equally (e.g. <c>const unsigned long</c>).</summary>
    public required string CanonicalSpelling { get; init; }

    /// <summary>The qualifiers written on this type itself (not on a pointee or element).</summary>
    public HeaderQualifiers Qualifiers { get; init; }

    /// <summary><c>sizeof</c> in bytes for the parse target; <see langword="null"/> for incomplete, void and function types.</summary>
    public long? Size { get; init; }

    /// <summary><c>_Alignof</c> in bytes for the parse target; <see langword="null"/> where <see cref="Size"/> is.</summary>
    public long? Alignment { get; init; }

    /// <summary>True when the type is <c>const</c>-qualified.</summary>
    public bool IsConst => (Qualifiers & HeaderQualifiers.Const) != 0;

    /// <summary>True when the type is <c>volatile</c>-qualified.</summary>
    public bool IsVolatile => (Qualifiers & HeaderQualifiers.Volatile) != 0;

    /// <summary>True when both types are the same C type once typedefs are resolved.</summary>
    public bool IsSameCanonicalType(HeaderType other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(CanonicalSpelling, other.CanonicalSpelling, StringComparison.Ordinal);
    }

    /// <summary>The type with typedefs and qualifiers stripped from the top: what a value of it really is.</summary>
    public HeaderType StripTypedefs()
    {
        HeaderType type = this;
        while (type is HeaderTypedefRefType typedef)
        {
            type = typedef.Underlying;
        }

        return type;
    }

    /// <inheritdoc />
    public override string ToString() => Spelling;
}

/// <summary>Type qualifiers.</summary>
[Flags]
public enum HeaderQualifiers
{
    /// <summary>No qualifier.</summary>
    None = 0,

    /// <summary><c>const</c>.</summary>
    Const = 1,

    /// <summary><c>volatile</c>.</summary>
    Volatile = 2,

    /// <summary><c>restrict</c>.</summary>
    Restrict = 4,
}
