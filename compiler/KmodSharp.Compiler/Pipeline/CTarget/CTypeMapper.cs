using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;

namespace KmodSharp.Compiler.Pipeline.CTarget;

/// <summary>The C spelling of kernel types: fixed-width types where C#'s width is fixed, FreeBSD's own names otherwise.</summary>
public static class CTypeMapper
{
    public static CType Map(KType type) => type switch
    {
        KVoid => CNamedType.Void,
        KBool => new CNamedType("bool"),
        KInteger { IsNative: true, IsSigned: true } => new CNamedType("ssize_t"),
        KInteger { IsNative: true } => CNamedType.SizeT,
        KInteger { Bits: 32, IsSigned: true } => CNamedType.Int,
        KInteger { Bits: 32 } => new CNamedType("u_int"),
        KInteger integer => new CNamedType($"{(integer.IsSigned ? "" : "u")}int{integer.Bits}_t"),
        KEnum e => Map(e.Underlying),
        KStruct s => new CStructType(CNames.StructTag(s)),
        KUserPointer pointer => new CPointerType(Map(pointer.Pointee)),
        KUserString => new CPointerType(CNamedType.Char, PointeeConst: true),
        KCallingThread => new CPointerType(new CStructType("thread")),
        KSpan span => new CPointerType(Map(span.Element), PointeeConst: span.IsReadOnly),
        _ => throw new InternalCompilerException($"no C type for {type}"),
    };

    /// <summary>The literal suffix that gives a constant of <paramref name="type"/> its C type (LP64).</summary>
    public static CIntegerSuffix Suffix(KType type) => type switch
    {
        KInteger { Bits: 64, IsSigned: true } => CIntegerSuffix.L,
        KInteger { Bits: 64 } => CIntegerSuffix.UL,
        KInteger { Bits: 32, IsSigned: false } => CIntegerSuffix.U,
        KEnum e => Suffix(e.Underlying),
        _ => CIntegerSuffix.None,
    };
}
