using System.Collections.Immutable;

namespace KmodSharp.Compiler.Pipeline.CTree;

/// <summary>A C type as the printer spells it.</summary>
public abstract record CType;

/// <summary>A type named by one identifier: <c>int</c>, <c>uint8_t</c>, <c>register_t</c>, <c>bool</c>.</summary>
public sealed record CNamedType(string Name) : CType
{
    public static readonly CNamedType Void = new("void");
    public static readonly CNamedType Int = new("int");
    public static readonly CNamedType Char = new("char");
    public static readonly CNamedType RegisterT = new("register_t");
    public static readonly CNamedType SizeT = new("size_t");
}

/// <summary><c>struct tag</c>.</summary>
public sealed record CStructType(string Tag) : CType;

/// <summary>A pointer; <paramref name="PointeeConst"/> spells <c>const T *</c>, <paramref name="PointeeVolatile"/> <c>volatile T *</c>.</summary>
public sealed record CPointerType(CType Pointee, bool PointeeConst = false, bool PointeeVolatile = false) : CType;

/// <summary>A fixed-length array (only in declarators: fields and locals).</summary>
public sealed record CArrayType(CType Element, CExpr Length) : CType;

/// <summary>A function parameter.</summary>
public sealed record CParameter(CType Type, string Name);

/// <summary>A struct member; members in one <see cref="CFieldLine"/> print on one line (the sysproto.h padding idiom).</summary>
public sealed record CField(CType Type, string Name);

/// <summary>One line of a struct body.</summary>
public sealed record CFieldLine(ImmutableArray<CField> Fields);
