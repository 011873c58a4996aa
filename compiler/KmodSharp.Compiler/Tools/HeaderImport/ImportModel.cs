using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Diagnostics;
using KmodSharp.Compiler.Pipeline.Model;

namespace KmodSharp.Compiler.Tools.HeaderImport;

/// <summary>What <c>import-header</c> read from a C header: the C# declarations to write and the layout facts to assert in C.</summary>
/// <param name="HeaderPath">The header read.</param>
/// <param name="TargetTriple">The clang target whose layout was read.</param>
/// <param name="Structs">Structs and unions, requested ones and those they contain, in dependency order.</param>
/// <param name="InlineArrays">Array types of non-primitive elements, as <c>[InlineArray]</c> structs.</param>
/// <param name="Enums">Tagged enums.</param>
/// <param name="Constants">Integer macros and anonymous enum constants of the header itself.</param>
/// <param name="Diagnostics">Errors (<c>KMS0951</c>): clang's, and what C# cannot mirror (bit-fields, floating point, flexible arrays).</param>
public sealed record ImportedHeader(
    string HeaderPath,
    string TargetTriple,
    ImmutableArray<ImportedStruct> Structs,
    ImmutableArray<ImportedInlineArray> InlineArrays,
    ImmutableArray<ImportedEnum> Enums,
    ImmutableArray<ImportedConstant> Constants,
    ImmutableArray<KmsDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>
    /// For each struct C can name, its size and every field's offset: what the generated module C
    /// asserts with <c>_Static_assert(sizeof(…) == N)</c> and <c>_Static_assert(offsetof(…, f) == M)</c>.
    /// Fields of unnamed nested structs are listed with their path (<c>inner.a</c>), as <c>offsetof</c> takes it.
    /// </summary>
    public ImmutableArray<StructLayoutAssertion> LayoutAssertions =>
    [
        .. Structs.Where(s => s.CType is not null).Select(s => new StructLayoutAssertion(s.CType!, s.Size, [.. Members(s, "", 0)])),
    ];

    private System.Collections.Generic.IEnumerable<FieldOffsetAssertion> Members(ImportedStruct record, string prefix, long baseOffset)
    {
        foreach (ImportedField field in record.Fields)
        {
            yield return new FieldOffsetAssertion(prefix + field.Name, baseOffset + field.Offset);
            if (field.Type is NamedFieldType named && Structs.FirstOrDefault(s => s.CSharpName == named.CSharpName && s.CType is null) is { } nested)
            {
                foreach (FieldOffsetAssertion inner in Members(nested, prefix + field.Name + ".", baseOffset + field.Offset))
                {
                    yield return inner;
                }
            }
        }
    }
}

/// <summary>One struct's layout as C must see it.</summary>
/// <param name="CType">The C type name: <c>struct foo</c>, <c>union bar</c> or a typedef name.</param>
/// <param name="Size">sizeof in bytes.</param>
/// <param name="Fields">Each member designator and its offsetof.</param>
public sealed record StructLayoutAssertion(string CType, long Size, ImmutableArray<FieldOffsetAssertion> Fields);

/// <summary>A member designator and its byte offset.</summary>
public sealed record FieldOffsetAssertion(string Member, long Offset);

/// <summary>A struct or union mirrored as an explicit-layout C# struct.</summary>
/// <param name="CSharpName">The C# type name.</param>
/// <param name="CType">How C names it (<c>struct foo</c>, a typedef name), or null for an unnamed nested struct.</param>
/// <param name="IsUnion">True for a union (every field at its own offset, usually 0).</param>
/// <param name="Size">sizeof in bytes.</param>
/// <param name="Alignment">alignof in bytes.</param>
/// <param name="Pack">The packing to declare when C packs the struct below its fields' natural alignment, else null.</param>
/// <param name="Fields">The fields by offset; members of C11 anonymous members are the struct's own.</param>
/// <param name="Location">Where the header defines it.</param>
public sealed record ImportedStruct(string CSharpName, string? CType, bool IsUnion, long Size, long Alignment, int? Pack, ImmutableArray<ImportedField> Fields, SourceRef Location)
{
    public bool NeedsUnsafe => Fields.Any(f => f.Type is FixedBufferFieldType);
}

/// <summary>A field at its clang offset.</summary>
/// <param name="Name">The C field name (a C# keyword is escaped when written).</param>
/// <param name="Offset">Its byte offset.</param>
/// <param name="Type">Its C# shape.</param>
/// <param name="CType">The C type as written, for the doc comment.</param>
public sealed record ImportedField(string Name, long Offset, ImportedFieldType Type, string CType);

/// <summary>How a field is declared in C#.</summary>
public abstract record ImportedFieldType;

/// <summary>A primitive (<c>int</c>, <c>ulong</c>, <c>nuint</c> for pointers, …).</summary>
public sealed record PrimitiveFieldType(string Keyword) : ImportedFieldType;

/// <summary>A <c>fixed</c> buffer of a primitive (arrays of any rank are flattened).</summary>
public sealed record FixedBufferFieldType(string Keyword, long Length) : ImportedFieldType;

/// <summary>Another imported type: a struct, an enum or an inline array.</summary>
public sealed record NamedFieldType(string CSharpName) : ImportedFieldType;

/// <summary>An <c>[InlineArray(N)]</c> struct for arrays of structs, enums or pointers.</summary>
public sealed record ImportedInlineArray(string CSharpName, string ElementType, long Length);

/// <summary>A tagged C enum as a C# enum with the same underlying type.</summary>
public sealed record ImportedEnum(string CSharpName, string CType, string Underlying, ImmutableArray<ImportedConstant> Members);

/// <summary>A named integer constant.</summary>
/// <param name="Name">The C name.</param>
/// <param name="Type">The C# type keyword.</param>
/// <param name="Value">The value as a C# expression.</param>
public sealed record ImportedConstant(string Name, string Type, string Value);
