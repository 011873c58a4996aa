using System.Collections.Immutable;

namespace KmodSharp.Headers.Model;

/// <summary>
/// A <c>struct</c> or <c>union</c> with its layout on the parse target. Anonymous records (a C11
/// anonymous member, or a tagless struct behind a typedef) are listed too: find them through
/// <see cref="Spelling"/>, which equals the canonical spelling of every <see cref="HeaderRecordRefType"/> naming them.
/// </summary>
/// <param name="Kind">Struct or union.</param>
/// <param name="Name">The tag, or empty for an anonymous record.</param>
/// <param name="Spelling">The canonical type spelling, e.g. <c>struct timespec</c>.</param>
/// <param name="IsComplete">False for a forward declaration with no definition in the unit (then no layout is known).</param>
/// <param name="Size">sizeof in bytes, or -1 when incomplete.</param>
/// <param name="Alignment">alignof in bytes, or -1 when incomplete.</param>
/// <param name="Fields">The direct fields in declaration order, unnamed bit-fields and anonymous members included.</param>
/// <param name="Padding">The bit ranges no named field covers, tail padding included.</param>
/// <param name="Location">Where the definition (or the declaration) is.</param>
public sealed record HeaderRecord(
    HeaderRecordKind Kind,
    string Name,
    string Spelling,
    bool IsComplete,
    long Size,
    long Alignment,
    ImmutableArray<HeaderField> Fields,
    ImmutableArray<HeaderPaddingGap> Padding,
    HeaderSourceLocation Location)
{
    /// <summary>True when the record has no tag.</summary>
    public bool IsAnonymous => Name.Length == 0;
}

/// <summary>A record field with its position.</summary>
/// <param name="Name">The field name; empty for an unnamed bit-field or an anonymous member.</param>
/// <param name="Type">The declared type.</param>
/// <param name="OffsetBits">The offset from the start of the record, in bits.</param>
/// <param name="BitWidth">The width of a bit-field, else <see langword="null"/>.</param>
/// <param name="IsAnonymousMember">True for a C11 anonymous struct or union member, whose fields are reached as if they were the parent's.</param>
public sealed record HeaderField(string Name, HeaderType Type, long OffsetBits, int? BitWidth, bool IsAnonymousMember)
{
    /// <summary>True for a bit-field.</summary>
    public bool IsBitField => BitWidth is not null;

    /// <summary>The byte offset (the byte holding the first bit, for a bit-field).</summary>
    public long OffsetBytes => OffsetBits / 8;

    /// <summary>The bits the field occupies: its width, or its type's size (0 for a flexible array member).</summary>
    public long SizeBits => BitWidth ?? (Type.Size ?? 0) * 8;
}

/// <summary>Bits of a record that belong to no named field: alignment padding between fields, and tail padding.</summary>
/// <param name="OffsetBits">Where the gap starts, in bits from the start of the record.</param>
/// <param name="SizeBits">How many bits it spans.</param>
public sealed record HeaderPaddingGap(long OffsetBits, long SizeBits)
{
    /// <summary>The byte the gap starts in.</summary>
    public long OffsetBytes => OffsetBits / 8;

    /// <summary>The gap's size in whole bytes, rounded up.</summary>
    public long SizeBytes => (SizeBits + 7) / 8;
}

/// <summary>Struct or union.</summary>
public enum HeaderRecordKind
{
    /// <summary><c>struct</c>.</summary>
    Struct,

    /// <summary><c>union</c>.</summary>
    Union,
}
