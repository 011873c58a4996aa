using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers.Infrastructure;

/// <summary>
/// The amd64 C layout of the types kernel code uses (the backend emits structs with the same field
/// order, so C's natural alignment applies): sizes for the stack budget and padding for copyout.
/// </summary>
internal static class TypeLayout
{
    /// <summary>A pointer-sized reference (spans, runtime handles) when the exact size does not matter.</summary>
    public const int PointerSize = 8;

    // Layouts of non-generic named structs, per type symbol (symbols are per compilation, so entries die
    // with it). Such a symbol is its definition, one instance per compilation, so lookups hit; a constructed
    // generic (Span<byte>, UserPtr<T>) may be a new instance at each use and is cheaper to compute than to add.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ITypeSymbol, object> Cache = new();

    public static (int Size, int Align) Of(ITypeSymbol type)
    {
        if (type.SpecialType != SpecialType.None || type is not INamedTypeSymbol { TypeKind: TypeKind.Struct, IsGenericType: false })
        {
            return Of(type, 0);
        }

        return ((int, int))Cache.GetValue(type, t => Of(t, 0));
    }

    /// <summary>Describes the first padding hole in <paramref name="type"/>, or null when it has none.</summary>
    public static string? FindPadding(ITypeSymbol type) => FindPadding(type, 0);

    private static (int Size, int Align) Of(ITypeSymbol type, int depth)
    {
        if (depth > 16)
        {
            return (PointerSize, PointerSize);
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
                return (1, 1);
            case SpecialType.System_Char:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
                return (2, 2);
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Single:
                return (4, 4);
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Double:
            case SpecialType.System_IntPtr:
            case SpecialType.System_UIntPtr:
                return (8, 8);
            case SpecialType.System_Decimal:
                return (16, 8);
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
        {
            return Of(underlying, depth + 1);
        }

        if (type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer || type.IsReferenceType)
        {
            return (PointerSize, PointerSize);
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Struct } named)
        {
            if (named.Name is "Span" or "ReadOnlySpan" && named.ContainingNamespace?.Name == "System")
            {
                return (2 * PointerSize, PointerSize);
            }

            int offset = 0;
            int align = 1;
            foreach (FieldInfo field in Fields(named, depth))
            {
                offset = AlignUp(offset, field.Align) + field.Size;
                align = Math.Max(align, field.Align);
            }

            int inline = InlineArrayLength(named);
            if (inline > 1)
            {
                offset *= inline;
            }

            return (Math.Max(AlignUp(offset, align), offset == 0 ? 1 : 0), align);
        }

        return (PointerSize, PointerSize);
    }

    private static string? FindPadding(ITypeSymbol type, int depth)
    {
        if (depth > 16 || type is not INamedTypeSymbol { TypeKind: TypeKind.Struct } named || type.SpecialType != SpecialType.None)
        {
            return null;
        }

        int offset = 0;
        int align = 1;
        string? previous = null;
        foreach (FieldInfo field in Fields(named, depth))
        {
            int start = AlignUp(offset, field.Align);
            if (start > offset)
            {
                return Hole(start - offset, previous is null ? "before field '" + field.Name + "'" : "after field '" + previous + "'", offset);
            }

            if (FindPadding(field.Type, depth + 1) is { } inner)
            {
                return inner + " inside field '" + field.Name + "'";
            }

            offset = start + field.Size;
            align = Math.Max(align, field.Align);
            previous = field.Name;
        }

        int end = AlignUp(offset, align);
        return end > offset && previous is not null ? Hole(end - offset, "at the end, after field '" + previous + "'", offset) : null;
    }

    private static string Hole(int bytes, string where, int offset) =>
        bytes + (bytes == 1 ? " byte" : " bytes") + " of padding " + where + " (offset " + offset + ")";

    private static List<FieldInfo> Fields(INamedTypeSymbol type, int depth)
    {
        var fields = new List<FieldInfo>();
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is not IFieldSymbol { IsStatic: false, IsConst: false } field)
            {
                continue;
            }

            (int size, int align) = Of(field.Type, depth + 1);
            if (field.IsFixedSizeBuffer && field.Type is IPointerTypeSymbol pointer)
            {
                (int elementSize, int elementAlign) = Of(pointer.PointedAtType, depth + 1);
                size = elementSize * Math.Max(1, field.FixedSize);
                align = elementAlign;
            }

            string name = field.AssociatedSymbol?.Name ?? field.Name;
            fields.Add(new FieldInfo(name, field.Type, size, align));
        }

        return fields;
    }

    private static int InlineArrayLength(INamedTypeSymbol type)
    {
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "InlineArrayAttribute" && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is int length)
            {
                return length;
            }
        }

        return 0;
    }

    public static int AlignUp(int value, int align) => align <= 1 ? value : (value + align - 1) / align * align;

    private readonly struct FieldInfo
    {
        public FieldInfo(string name, ITypeSymbol type, int size, int align)
        {
            Name = name;
            Type = type;
            Size = size;
            Align = align;
        }

        public string Name { get; }

        public ITypeSymbol Type { get; }

        public int Size { get; }

        public int Align { get; }
    }
}
