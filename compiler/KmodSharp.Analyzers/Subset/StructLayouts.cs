using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers.Subset;

/// <summary>One field of a struct where C# places it: <see cref="Length"/> elements of <see cref="ElementType"/> (an array when a fixed buffer or an inline array).</summary>
public sealed class FieldPlacement(IFieldSymbol field, ITypeSymbol elementType, int offset, int size, int alignment, int length, bool isArray)
{
    public IFieldSymbol Field { get; } = field;

    public ITypeSymbol ElementType { get; } = elementType;

    public int Offset { get; } = offset;

    /// <summary>Bytes the field takes (all its elements).</summary>
    public int Size { get; } = size;

    public int Alignment { get; } = alignment;

    public int Length { get; } = length;

    public bool IsArray { get; } = isArray;

    /// <summary>The field's name in the source (an auto-property's, not its backing field's).</summary>
    public string SourceName => Field.AssociatedSymbol?.Name ?? Field.Name;
}

/// <summary>A struct's layout as C# computes it, and why C cannot reproduce it (null when C can).</summary>
public sealed class StructPlacement(int size, int alignment, ImmutableArray<FieldPlacement> fields, string? noCEquivalent)
{
    public int Size { get; } = size;

    public int Alignment { get; } = alignment;

    public ImmutableArray<FieldPlacement> Fields { get; } = fields;

    /// <summary>Why a C struct with naturally aligned fields cannot have this layout, or null when it can.</summary>
    public string? NoCEquivalent { get; } = noCEquivalent;
}

/// <summary>
/// The one amd64 (LP64) layout computation: size, alignment and field offsets of the types kernel
/// code uses, as the CLR lays out C#'s <c>[StructLayout]</c> (Sequential or Explicit, <c>Pack</c>,
/// <c>Size</c>), fixed buffers and <c>[InlineArray]</c>. The analyzers (stack budget, padding
/// before a copyout) and the compiler (the C struct, its userland twin, syzlang) all read it.
/// </summary>
public static class StructLayouts
{
    /// <summary>A pointer-sized reference (spans, runtime handles) when the exact size does not matter.</summary>
    public const int PointerSize = 8;

    private const int MaxDepth = 16;

    // System.Runtime.InteropServices.LayoutKind.Explicit.
    private const int ExplicitLayout = 2;

    /// <summary>Size and alignment of <paramref name="type"/>.</summary>
    public static (int Size, int Alignment) SizeOf(ITypeSymbol type) => SizeOf(type, 0);

    // The rules and the compiler ask for the same structs' layouts again and again, and a symbol's layout never changes.
    private static readonly ConditionalWeakTable<INamedTypeSymbol, StructPlacement> Layouts = new();

    /// <summary>The layout of a struct (null for any other type).</summary>
    public static StructPlacement? Of(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Struct, SpecialType: SpecialType.None } named ? Layouts.GetValue(named, s => Of(s, 0)) : null;

    private static (int Size, int Alignment) SizeOf(ITypeSymbol type, int depth)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean or SpecialType.System_Byte or SpecialType.System_SByte:
                return (1, 1);
            case SpecialType.System_Char or SpecialType.System_Int16 or SpecialType.System_UInt16:
                return (2, 2);
            case SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Single:
                return (4, 4);
            case SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Double or SpecialType.System_IntPtr or SpecialType.System_UIntPtr:
                return (8, 8);
            case SpecialType.System_Decimal:
                return (16, 8);
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
        {
            return SizeOf(underlying, depth + 1);
        }

        if (type is INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", ContainingNamespace.Name: "System" })
        {
            return (2 * PointerSize, PointerSize);
        }

        // A user address is one register wide (the runtime's own definition may be a reference assembly's).
        if (depth > MaxDepth || type.TypeKind is not TypeKind.Struct || TranslatableApi.IsRuntimeTypeNamed(type, "UserPtr") || TranslatableApi.IsRuntimeTypeNamed(type, "UserString"))
        {
            return (PointerSize, PointerSize);
        }

        StructPlacement layout = Of((INamedTypeSymbol)type, depth)!;
        return (layout.Size, layout.Alignment);
    }

    private static StructPlacement Of(INamedTypeSymbol type, int depth)
    {
        AttributeData? layout = type.GetAttributes().FirstOrDefault(a => a.AttributeClass is { Name: "StructLayoutAttribute" });
        bool explicitLayout = layout?.ConstructorArguments.FirstOrDefault().Value is ExplicitLayout or (short)ExplicitLayout;
        int pack = Named(layout, "Pack") is int p and > 0 ? p : PointerSize;
        int declaredSize = Named(layout, "Size") as int? ?? 0;
        int inlineLength = InlineArrayLength(type);
        string? noC = null;
        var fields = ImmutableArray.CreateBuilder<FieldPlacement>();
        int end = 0;
        int alignment = 1;
        foreach (IFieldSymbol field in type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst))
        {
            ITypeSymbol element = field.IsFixedSizeBuffer && field.Type is IPointerTypeSymbol pointer ? pointer.PointedAtType : field.Type;
            int length = field.IsFixedSizeBuffer ? Math.Max(1, field.FixedSize) : inlineLength > 0 ? inlineLength : 1;
            (int elementSize, int natural) = SizeOf(element, depth + 1);
            int align = Math.Min(natural, pack);
            if (align < natural)
            {
                noC ??= $"Pack = {pack} places '{field.Name}' off its natural {natural}-byte alignment";
            }

            int offset = AlignUp(end, align);
            if (explicitLayout)
            {
                if (FieldOffset(field) is not int declared)
                {
                    noC ??= $"'{field.Name}' has no [FieldOffset]";
                }
                else
                {
                    if (declared < end)
                    {
                        noC ??= $"'{field.Name}' at offset {declared} starts before the end of the fields declared before it";
                    }
                    else if (declared % natural != 0)
                    {
                        noC ??= $"'{field.Name}' at offset {declared} is not on its natural {natural}-byte alignment";
                    }

                    offset = declared;
                }
            }

            fields.Add(new FieldPlacement(field, element, offset, elementSize * length, align, length, field.IsFixedSizeBuffer || inlineLength > 0));
            end = Math.Max(end, offset + (elementSize * length));
            alignment = Math.Max(alignment, align);
        }

        int size = Math.Max(1, AlignUp(end, alignment));
        if (declaredSize > size)
        {
            if (declaredSize % alignment != 0)
            {
                // C rounds a struct's size up to its alignment.
                noC ??= $"Size = {declaredSize} is not a multiple of the alignment {alignment}";
            }

            size = declaredSize;
        }

        return new StructPlacement(size, alignment, fields.ToImmutable(), noC);
    }

    /// <summary>
    /// Why C cannot lay out as C# does a struct that <paramref name="type"/> is or holds (its fields,
    /// a <c>UserPtr&lt;T&gt;</c>'s or span's element), or null: the rules refuse it (KMS0900) before the binder meets it.
    /// </summary>
    public static string? CLayoutProblem(ITypeSymbol type) => CLayoutProblem(type, 0);

    private static string? CLayoutProblem(ITypeSymbol type, int depth)
    {
        if (depth > MaxDepth || type is not INamedTypeSymbol named)
        {
            return null;
        }

        if (named.IsGenericType)
        {
            return named.TypeArguments.Select(argument => CLayoutProblem(argument, depth + 1)).FirstOrDefault(problem => problem is not null);
        }

        if (Of(named) is not { } layout)
        {
            return null;
        }

        return layout.NoCEquivalent is { } reason
            ? "struct '" + named.Name + "' has a layout C cannot give it (" + reason + ")"
            : layout.Fields.Select(field => CLayoutProblem(field.ElementType, depth + 1)).FirstOrDefault(problem => problem is not null);
    }

    /// <summary>The length of an <c>[InlineArray(N)]</c> struct, or 0 for any other type.</summary>
    public static int InlineArrayLength(ITypeSymbol type) =>
        type.GetAttributes().FirstOrDefault(a => a.AttributeClass is { Name: "InlineArrayAttribute" } c && c.ContainingNamespace?.ToDisplayString() == "System.Runtime.CompilerServices")
            ?.ConstructorArguments.FirstOrDefault().Value as int? ?? 0;

    public static int AlignUp(int value, int align) => align <= 1 ? value : (value + align - 1) / align * align;

    private static int? FieldOffset(IFieldSymbol field) =>
        field.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "FieldOffsetAttribute")?.ConstructorArguments.FirstOrDefault().Value as int?;

    private static object? Named(AttributeData? attribute, string name) =>
        attribute?.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value;
}
