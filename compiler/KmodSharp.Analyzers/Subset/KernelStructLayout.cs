using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers.Subset;

/// <summary>A field of a kernel struct: its C# field, the type of one element, its byte offset and its fixed-buffer or inline-array length.</summary>
public sealed class KernelStructField
{
    public KernelStructField(IFieldSymbol field, ITypeSymbol type, int offset, int? length)
    {
        Field = field;
        Type = type;
        Offset = offset;
        Length = length;
    }

    public IFieldSymbol Field { get; }

    public ITypeSymbol Type { get; }

    public int Offset { get; }

    public int? Length { get; }
}

/// <summary>
/// The amd64 C layout of a user struct, or null when it has none: the one place that decides both
/// whether a struct translates and where its fields lie (the binder builds its KStruct from this).
/// </summary>
public sealed class KernelStructLayout
{
    private KernelStructLayout(ImmutableArray<KernelStructField> fields, int size, int alignment)
    {
        Fields = fields;
        Size = size;
        Alignment = alignment;
    }

    public ImmutableArray<KernelStructField> Fields { get; }

    public int Size { get; }

    public int Alignment { get; }

    /// <summary>
    /// Sequential layout with natural alignment, as both C# (LayoutKind.Sequential) and the C compiler
    /// lay it out; an explicit layout ([StructLayout(Explicit)], as import-header writes) takes its
    /// [FieldOffset]s and Size. Overlapping fields (unions) and a Size that is not a multiple of the
    /// alignment (C rounds a struct's size up to it) have no C equivalent. Null for such a struct.
    /// </summary>
    public static KernelStructLayout? Of(INamedTypeSymbol type)
    {
        if (!KernelType.IsUserStruct(type))
        {
            return null;
        }

        if (InlineArrayLength(type) is int inlineLength)
        {
            return InlineArray(type, inlineLength);
        }

        AttributeData? layout = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "StructLayoutAttribute");
        bool explicitLayout = layout?.ConstructorArguments.FirstOrDefault().Value is 2 or (short)2;
        var fields = ImmutableArray.CreateBuilder<KernelStructField>();
        int offset = 0;
        int alignment = 1;
        foreach (IFieldSymbol field in InstanceFields(type))
        {
            int? length = field.IsFixedSizeBuffer ? field.FixedSize : null;
            ITypeSymbol fieldType = field.Type is IPointerTypeSymbol pointer && field.IsFixedSizeBuffer ? pointer.PointedAtType : field.Type;
            if (SizeOf(fieldType) is not (int size, int align))
            {
                return null;
            }

            int at = (offset + align - 1) / align * align;
            if (explicitLayout)
            {
                if (field.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "FieldOffsetAttribute")?.ConstructorArguments[0].Value is not int explicitOffset
                    || explicitOffset < offset || explicitOffset % align != 0)
                {
                    return null;
                }

                at = explicitOffset;
            }

            fields.Add(new KernelStructField(field, fieldType, at, length));
            offset = at + (size * (length ?? 1));
            alignment = System.Math.Max(alignment, align);
        }

        int natural = System.Math.Max(1, (offset + alignment - 1) / alignment * alignment);
        int declared = layout?.NamedArguments.FirstOrDefault(a => a.Key == "Size").Value.Value as int? ?? 0;
        return declared % alignment != 0 ? null : new KernelStructLayout(fields.ToImmutable(), System.Math.Max(natural, declared), alignment);
    }

    /// <summary>The length of an <c>[InlineArray(N)]</c> struct, or null for any other type.</summary>
    public static int? InlineArrayLength(ITypeSymbol type) =>
        type.GetAttributes().FirstOrDefault(a => a.AttributeClass is { Name: "InlineArrayAttribute", ContainingNamespace: { } ns }
            && ns.ToDisplayString() == "System.Runtime.CompilerServices")?.ConstructorArguments.FirstOrDefault().Value as int?;

    /// <summary>Size and alignment on amd64 (LP64) of a type with a C layout, or null.</summary>
    public static (int Size, int Alignment)? SizeOf(ITypeSymbol type) => KernelType.KindOf(type) switch
    {
        KernelTypeKind.Bool => (1, 1),
        KernelTypeKind.Integer => IntegerBytes(type) is int bytes ? (bytes, bytes) : null,
        KernelTypeKind.Enum => SizeOf(((INamedTypeSymbol)type).EnumUnderlyingType!),
        KernelTypeKind.UserPointer or KernelTypeKind.UserString => (8, 8),
        KernelTypeKind.Struct => Of((INamedTypeSymbol)type) is { } layout ? (layout.Size, layout.Alignment) : null,
        _ => null,
    };

    private static int? IntegerBytes(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_SByte or SpecialType.System_Byte => 1,
        SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Char => 2,
        SpecialType.System_Int32 or SpecialType.System_UInt32 => 4,
        SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_IntPtr or SpecialType.System_UIntPtr => 8,
        _ => null,
    };

    // [InlineArray(N)] struct B { T e; } is N Ts in a row: in C, a struct around one T e[N]
    // (a struct, so it can be assigned, passed and nested like C#'s).
    private static KernelStructLayout? InlineArray(INamedTypeSymbol type, int length)
    {
        if (length <= 0 || InstanceFields(type).ToList() is not { Count: 1 } elements || SizeOf(elements[0].Type) is not (int size, int align))
        {
            return null;
        }

        return new KernelStructLayout(ImmutableArray.Create(new KernelStructField(elements[0], elements[0].Type, 0, length)), size * length, align);
    }

    private static System.Collections.Generic.IEnumerable<IFieldSymbol> InstanceFields(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst);
}
