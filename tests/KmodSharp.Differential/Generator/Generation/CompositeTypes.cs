using System.Collections.Immutable;
using System.Linq;

namespace KmodSharp.Differential.Generator.Generation;

/// <summary>One field of a generated struct.</summary>
public sealed record StructField(string Name, GenType Type);

/// <summary>
/// A generated struct. Fields are laid out largest first and topped up with bytes, so it has no
/// padding, or (<see cref="GeneratorFeatures.PaddedStructs"/>) in the order drawn, with C's padding.
/// </summary>
public sealed record StructType(string Name, ImmutableArray<StructField> Fields) : GenType(Name)
{
    /// <summary>The size C (and .NET's sequential layout) gives it: each field at its alignment, the end rounded up.</summary>
    public int Size => AlignUp(Fields.Aggregate(0, (end, f) => AlignUp(end, AlignmentOf(f.Type)) + SizeOf(f.Type)), Alignment);

    public int Alignment => Fields.Max(f => AlignmentOf(f.Type));

    public static int SizeOf(GenType type) => type switch
    {
        IntegerKind k => k.Size,
        InlineArrayType a => a.Element.Size * a.Length,
        StructType s => s.Size,
        _ => 8,
    };

    private static int AlignUp(int value, int alignment) => (value + alignment - 1) / alignment * alignment;

    public static int AlignmentOf(GenType type) => type switch
    {
        IntegerKind k => k.Size,
        InlineArrayType a => a.Element.Size,
        StructType s => s.Alignment,
        _ => 8,
    };
}

/// <summary>An <c>[InlineArray(Length)]</c> struct of <see cref="Element"/>; lengths are powers of two so an index can be masked into range.</summary>
public sealed record InlineArrayType(string Name, IntegerKind Element, int Length) : GenType(Name);

/// <summary>A <c>Span&lt;T&gt;</c> local over a <c>stackalloc</c> of <see cref="Length"/> elements (a power of two).</summary>
public sealed record SpanType(IntegerKind Element, int Length) : GenType($"Span<{Element.Name}>");
