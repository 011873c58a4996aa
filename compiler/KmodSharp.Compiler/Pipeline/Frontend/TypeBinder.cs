using System.Linq;
using KmodSharp.Analyzers.Subset;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler.Pipeline.Frontend;

/// <summary>
/// Maps C# types to kernel types; null for a type kernel code cannot use. Which types those are is
/// <see cref="KernelType"/>'s to decide (the analyzer refuses by the same answer, KMS0900): this only maps.
/// </summary>
public static class TypeBinder
{
    public static KType? Bind(ITypeSymbol type) => KernelType.KindOf(type) switch
    {
        KernelTypeKind.Void => KVoid.Instance,
        KernelTypeKind.Bool => KBool.Instance,
        KernelTypeKind.Integer => Integer(type.SpecialType),
        KernelTypeKind.Enum => Enum((INamedTypeSymbol)type),
        KernelTypeKind.UserPointer => new KUserPointer(Bind(((INamedTypeSymbol)type).TypeArguments[0])!),
        KernelTypeKind.Span => new KSpan(Bind(((INamedTypeSymbol)type).TypeArguments[0])!, type.Name == "ReadOnlySpan"),
        KernelTypeKind.Pair => KPair.Instance,
        KernelTypeKind.UserString => KUserString.Instance,
        KernelTypeKind.CallingThread => KCallingThread.Instance,
        KernelTypeKind.Struct => Struct((INamedTypeSymbol)type, StructLayouts.Of(type)!),
        _ => null,
    };

    /// <summary>The kernel type of a type the rules accepted; one that does not bind is a compiler bug, never an <c>int32_t</c>.</summary>
    public static KType BindAccepted(ITypeSymbol type, Location? at) => Bind(type)
        ?? throw new InternalCompilerException($"the type '{type.ToDisplayString()}' passed the rules but has no kernel type", at);

    /// <summary>Whether <paramref name="type"/> is <c>KmodSharp.&lt;name&gt;</c> (generic arity ignored).</summary>
    public static bool IsRuntimeType(ITypeSymbol? type, string name) => TranslatableApi.IsRuntimeTypeNamed(type, name);

    /// <summary>The length of an <c>[InlineArray(N)]</c> struct, or null for any other type.</summary>
    public static int? InlineArrayLength(ITypeSymbol type) => StructLayouts.InlineArrayLength(type) is int length and > 0 ? length : null;

    // Errno's members are errno(2)'s, printed from <sys/errno.h>, not declared by the module.
    private static KEnum Enum(INamedTypeSymbol type)
    {
        bool errno = IsRuntimeType(type, "Errno");
        return new KEnum(type.Name, Integer(type.EnumUnderlyingType!.SpecialType), IsErrno: errno)
        {
            Members = errno
                ? []
                : [.. type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue)
                    .Select(f => new KEnumMember(f.Name, System.Convert.ToInt64(f.ConstantValue is ulong u ? unchecked((long)u) : f.ConstantValue, System.Globalization.CultureInfo.InvariantCulture)))],
        };
    }

    private static KInteger Integer(SpecialType type) => type switch
    {
        SpecialType.System_SByte => KInteger.Int8,
        SpecialType.System_Byte => KInteger.UInt8,
        SpecialType.System_Int16 => KInteger.Int16,
        SpecialType.System_UInt16 => KInteger.UInt16,
        SpecialType.System_Char => KInteger.Char16,
        SpecialType.System_Int32 => KInteger.Int32,
        SpecialType.System_UInt32 => KInteger.UInt32,
        SpecialType.System_Int64 => KInteger.Int64,
        SpecialType.System_UInt64 => KInteger.UInt64,
        SpecialType.System_IntPtr => KInteger.NInt,
        SpecialType.System_UIntPtr => KInteger.NUInt,
        _ => throw new InternalCompilerException($"'{type}' is no integer type", null),
    };

    // The layout is StructLayouts' ([StructLayout] Sequential or Explicit, Size, [FieldOffset], fixed
    // buffers, [InlineArray]), computed once for the analyzers, the C, the userland and syzlang;
    // KernelType has already refused a layout C cannot give naturally aligned fields.
    private static KStruct Struct(INamedTypeSymbol type, StructPlacement layout) => new(
        type.Name,
        StructTags.Of(type),
        [.. layout.Fields.Select(f => new KField(f.Field.Name, Bind(f.ElementType)!, f.Offset, f.Size, f.IsArray ? f.Length : null))],
        layout.Size,
        layout.Alignment);
}
