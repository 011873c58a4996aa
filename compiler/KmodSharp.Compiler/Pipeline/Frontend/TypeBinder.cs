using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Analyzers.Subset;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler.Pipeline.Frontend;

/// <summary>Maps C# types to kernel types; null for a type kernel code cannot use.</summary>
public static class TypeBinder
{
    public static KType? Bind(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Void: return KVoid.Instance;
            case SpecialType.System_Boolean: return KBool.Instance;
            case SpecialType.System_SByte: return KInteger.Int8;
            case SpecialType.System_Byte: return KInteger.UInt8;
            case SpecialType.System_Int16: return KInteger.Int16;
            case SpecialType.System_UInt16: return KInteger.UInt16;
            case SpecialType.System_Char: return KInteger.Char16;
            case SpecialType.System_Int32: return KInteger.Int32;
            case SpecialType.System_UInt32: return KInteger.UInt32;
            case SpecialType.System_Int64: return KInteger.Int64;
            case SpecialType.System_UInt64: return KInteger.UInt64;
            case SpecialType.System_IntPtr: return KInteger.NInt;
            case SpecialType.System_UIntPtr: return KInteger.NUInt;
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying } enumType)
        {
            return Bind(underlying) is KInteger integer
                ? new KEnum(enumType.Name, integer, IsErrno: IsRuntimeType(enumType, "Errno"))
                : null;
        }

        if (type is INamedTypeSymbol named)
        {
            if (IsRuntimeType(named, "UserPtr") && named.TypeArguments.Length == 1)
            {
                return Bind(named.TypeArguments[0]) is { } pointee and not KVoid ? new KUserPointer(pointee) : null;
            }

            if (named is { Name: "Span" or "ReadOnlySpan", TypeArguments: [var element], ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return Bind(element) is { } bound and (KInteger or KBool or KEnum or KStruct) ? new KSpan(bound, named.Name == "ReadOnlySpan") : null;
            }

            if (Analyzers.Subset.PairResult.IsPairType(named))
            {
                return KPair.Instance;
            }

            if (IsRuntimeType(named, "UserString"))
            {
                return KUserString.Instance;
            }

            if (IsRuntimeType(named, "CallingThread"))
            {
                return KCallingThread.Instance;
            }

            if (named.TypeKind == TypeKind.Struct && named.IsUnmanagedType && !TranslatableApi.IsInRuntimeNamespace(named)
                && !named.IsGenericType && named.SpecialType == SpecialType.None && !named.IsTupleType)
            {
                return BindStruct(named);
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="type"/> is <c>KmodSharp.&lt;name&gt;</c> (generic arity ignored).</summary>
    public static bool IsRuntimeType(ITypeSymbol? type, string name) => TranslatableApi.IsRuntimeTypeNamed(type, name);

    // Sequential layout with natural alignment, as both C# (LayoutKind.Sequential) and the C compiler
    // lay it out; an explicit layout ([StructLayout(Explicit)], as import-header writes) takes its
    // [FieldOffset]s and Size. Overlapping fields (unions) have no C struct equivalent here.
    private static KStruct? BindStruct(INamedTypeSymbol type)
    {
        if (InlineArrayLength(type) is int inlineLength)
        {
            return BindInlineArray(type, inlineLength);
        }

        AttributeData? layout = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "StructLayoutAttribute");
        bool explicitLayout = layout?.ConstructorArguments.FirstOrDefault().Value is 2 or (short)2;
        var fields = ImmutableArray.CreateBuilder<KField>();
        int offset = 0;
        int alignment = 1;
        foreach (IFieldSymbol field in type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst))
        {
            int? length = field.IsFixedSizeBuffer ? field.FixedSize : null;
            ITypeSymbol fieldType = field.Type is IPointerTypeSymbol pointer && field.IsFixedSizeBuffer ? pointer.PointedAtType : field.Type;
            if (Bind(fieldType) is not { } bound || KTypeLayout.SizeOf(bound) is not (int size, int align))
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

            fields.Add(new KField(field.Name, bound, at, length));
            offset = at + (size * (length ?? 1));
            alignment = System.Math.Max(alignment, align);
        }

        int natural = System.Math.Max(1, (offset + alignment - 1) / alignment * alignment);
        int declared = layout?.NamedArguments.FirstOrDefault(a => a.Key == "Size").Value.Value as int? ?? 0;
        if (declared % alignment != 0)
        {
            // C rounds a struct's size up to its alignment; such a Size has no C equivalent.
            return null;
        }

        return new KStruct(type.Name, fields.ToImmutable(), System.Math.Max(natural, declared), alignment);
    }

    /// <summary>The length of an <c>[InlineArray(N)]</c> struct, or null for any other type.</summary>
    public static int? InlineArrayLength(ITypeSymbol type) =>
        type.GetAttributes().FirstOrDefault(a => a.AttributeClass is { Name: "InlineArrayAttribute", ContainingNamespace: { } ns }
            && ns.ToDisplayString() == "System.Runtime.CompilerServices")?.ConstructorArguments.FirstOrDefault().Value as int?;

    // [InlineArray(N)] struct B { T e; } is N Ts in a row: in C, a struct around one T e[N]
    // (a struct, so it can be assigned, passed and nested like C#'s).
    private static KStruct? BindInlineArray(INamedTypeSymbol type, int length)
    {
        if (length <= 0 || type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst).ToList() is not [var element]
            || Bind(element.Type) is not { } bound || KTypeLayout.SizeOf(bound) is not (int size, int align))
        {
            return null;
        }

        return new KStruct(type.Name, [new KField(element.Name, bound, 0, length)], size * length, align);
    }
}
