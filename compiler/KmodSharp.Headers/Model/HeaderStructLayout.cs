using System.Collections.Immutable;

namespace KmodSharp.Headers.Model;

/// <summary>
/// The layout of one record as later stages use it: for <c>_Static_assert</c>s against real headers
/// and for <c>[StructLayout(LayoutKind.Explicit)]</c> mirrors. Members of anonymous members are
/// listed as the parent's own (C reaches them that way), with offsets from the outer record's start.
/// </summary>
/// <param name="Name">The name the layout was asked for (a tag or typedef name).</param>
/// <param name="Record">The record definition.</param>
/// <param name="Size">sizeof in bytes.</param>
/// <param name="Alignment">alignof in bytes.</param>
/// <param name="Fields">Each named field reachable by a single name, in offset order of declaration.</param>
public sealed record HeaderStructLayout(string Name, HeaderRecord Record, long Size, long Alignment, ImmutableArray<HeaderFieldLayout> Fields);

/// <summary>One field's place in a <see cref="HeaderStructLayout"/>.</summary>
/// <param name="Name">The field name as C code writes it after <c>.</c>.</param>
/// <param name="Type">The declared type.</param>
/// <param name="OffsetBits">Bits from the start of the outer record.</param>
/// <param name="BitWidth">The width of a bit-field, else <see langword="null"/>.</param>
public sealed record HeaderFieldLayout(string Name, HeaderType Type, long OffsetBits, int? BitWidth)
{
    /// <summary>Bytes from the start of the outer record (the byte holding the first bit, for a bit-field) — what <c>offsetof</c> answers for a non-bit-field.</summary>
    public long OffsetBytes => OffsetBits / 8;

    /// <summary>The field's <c>sizeof</c>, or -1 when unknown (a flexible array member); bit-fields report their type's size.</summary>
    public long Size => Type.Size ?? -1;

    /// <summary>True for a bit-field.</summary>
    public bool IsBitField => BitWidth is not null;
}
