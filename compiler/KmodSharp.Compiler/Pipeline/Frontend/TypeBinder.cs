using System.Collections.Immutable;
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

    // The layout is the rules' (StructLayouts: [StructLayout] Sequential or Explicit, Pack, Size,
    // [FieldOffset], fixed buffers, [InlineArray]), computed once for the analyzers, the C, the
    // userland and syzlang. A layout C cannot give naturally aligned fields (Pack, overlapping or
    // misaligned offsets) has no kernel type.
    private static KStruct? BindStruct(INamedTypeSymbol type)
    {
        if (StructLayouts.Of(type) is not { NoCEquivalent: null } layout)
        {
            return null;
        }

        var fields = ImmutableArray.CreateBuilder<KField>();
        foreach (FieldPlacement field in layout.Fields)
        {
            KType? bound = Bind(field.ElementType);
            if (bound is not (KInteger or KBool or KEnum or KStruct or KUserPointer or KUserString))
            {
                return null;
            }

            fields.Add(new KField(field.Field.Name, bound, field.Offset, field.Size, field.IsArray ? field.Length : null));
        }

        return new KStruct(type.Name, fields.ToImmutable(), layout.Size, layout.Alignment);
    }

    /// <summary>The length of an <c>[InlineArray(N)]</c> struct, or null for any other type.</summary>
    public static int? InlineArrayLength(ITypeSymbol type) => StructLayouts.InlineArrayLength(type) is int length and > 0 ? length : null;
}
