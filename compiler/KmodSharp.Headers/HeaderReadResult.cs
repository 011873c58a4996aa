using System;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Headers.Model;

namespace KmodSharp.Headers;

/// <summary>
/// Everything read from one header: plain immutable records, safe to keep after the read (no
/// libclang object outlives it). Declarations appear once each, in source order.
/// </summary>
/// <param name="Diagnostics">Clang's messages for the whole translation unit.</param>
/// <param name="Functions">Function declarations and definitions.</param>
/// <param name="Records">Structs and unions, anonymous and nested ones included.</param>
/// <param name="Enums">Enum definitions.</param>
/// <param name="Typedefs">Typedef declarations.</param>
/// <param name="Macros">Object-like macros with integer values.</param>
public sealed record HeaderReadResult(
    ImmutableArray<HeaderDiagnostic> Diagnostics,
    ImmutableArray<HeaderFunction> Functions,
    ImmutableArray<HeaderRecord> Records,
    ImmutableArray<HeaderEnum> Enums,
    ImmutableArray<HeaderTypedef> Typedefs,
    ImmutableArray<HeaderMacro> Macros)
{
    /// <summary>Every macro defined (object-like and function-like; clang's builtins left out), by name.</summary>
    public ImmutableArray<HeaderMacroName> MacroNames { get; init; } = [];

    /// <summary>The file-scope variables declared (<c>extern int hz;</c>), by name.</summary>
    public ImmutableArray<string> Variables { get; init; } = [];

    /// <summary>True when clang reported an error or a fatal error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The function with this name, if read.</summary>
    public HeaderFunction? FindFunction(string name) => Functions.FirstOrDefault(f => f.Name == name);

    /// <summary>The enum with this tag, if read.</summary>
    public HeaderEnum? FindEnum(string name) => Enums.FirstOrDefault(e => e.Name == name);

    /// <summary>The typedef with this name, if read.</summary>
    public HeaderTypedef? FindTypedef(string name) => Typedefs.FirstOrDefault(t => t.Name == name);

    /// <summary>The macro with this name, if read and integer-valued.</summary>
    public HeaderMacro? FindMacro(string name) => Macros.FirstOrDefault(m => m.Name == name);

    /// <summary>
    /// The record a name denotes: a tag (<c>timespec</c>), a spelled type (<c>struct timespec</c>)
    /// or a typedef name that resolves to a record (<c>foo_t</c>). A complete definition wins over
    /// a forward declaration.
    /// </summary>
    public HeaderRecord? FindRecord(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (FindTypedef(name) is { } typedef && typedef.UnderlyingType.StripTypedefs() is HeaderRecordRefType target)
        {
            string spelling = typedef.UnderlyingType.CanonicalSpelling;
            return Records.FirstOrDefault(r => r.Spelling == spelling)
                ?? Records.FirstOrDefault(r => r.Name.Length > 0 && r.Name == target.Name);
        }

        return Records.FirstOrDefault(r => r.Spelling == name)
            ?? Records.FirstOrDefault(r => r.Name.Length > 0 && r.Name == name);
    }

    /// <summary>
    /// The layout of a complete struct or union named as <see cref="FindRecord"/> takes it: size,
    /// alignment and each field's offset, anonymous members flattened. <see langword="null"/> when
    /// no complete record has that name.
    /// </summary>
    public HeaderStructLayout? FindLayout(string name)
    {
        HeaderRecord? record = FindRecord(name);
        return record is { IsComplete: true } ? LayoutBuilder.Build(name, record, Records) : null;
    }
}
