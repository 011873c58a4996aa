using System;
using KmodSharp.Analyzers.Subset;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers.Infrastructure;

/// <summary>
/// What the rules ask of a type's layout (<see cref="StructLayouts"/>, the one computation the
/// compiler's C shares): sizes for the stack budget and padding for copyout.
/// </summary>
internal static class TypeLayout
{
    private const int MaxDepth = 16;

    // Layouts of non-generic named structs, per type symbol (symbols are per compilation, so entries die
    // with it). Such a symbol is its definition, one instance per compilation, so lookups hit; a constructed
    // generic (Span<byte>, UserPtr<T>) may be a new instance at each use and is cheaper to compute than to add.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ITypeSymbol, object> Cache = new();

    public static (int Size, int Align) Of(ITypeSymbol type)
    {
        if (type.SpecialType != SpecialType.None || type is not INamedTypeSymbol { TypeKind: TypeKind.Struct, IsGenericType: false })
        {
            return StructLayouts.SizeOf(type);
        }

        return ((int, int))Cache.GetValue(type, t => StructLayouts.SizeOf(t));
    }

    /// <summary>Describes the first padding hole in <paramref name="type"/>, or null when it has none.</summary>
    public static string? FindPadding(ITypeSymbol type) => FindPadding(type, 0);

    private static string? FindPadding(ITypeSymbol type, int depth)
    {
        if (depth > MaxDepth || StructLayouts.Of(type) is not { } layout)
        {
            return null;
        }

        int end = 0;
        string? previous = null;
        foreach (FieldPlacement field in layout.Fields)
        {
            if (field.Offset > end)
            {
                return Hole(field.Offset - end, previous is null ? "before field '" + field.SourceName + "'" : "after field '" + previous + "'", end);
            }

            if (FindPadding(field.ElementType, depth + 1) is { } inner)
            {
                return inner + " inside field '" + field.SourceName + "'";
            }

            end = Math.Max(end, field.Offset + field.Size);
            previous = field.SourceName;
        }

        return layout.Size > end && previous is not null ? Hole(layout.Size - end, "at the end, after field '" + previous + "'", end) : null;
    }

    private static string Hole(int bytes, string where, int offset) =>
        bytes + (bytes == 1 ? " byte" : " bytes") + " of padding " + where + " (offset " + offset + ")";
}
