using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>The C member name of a C# field the body refers to, by the naming policy of <see cref="CNames"/>.</summary>
internal static class FieldNames
{
    /// <inheritdoc cref="CNames.Member(KStruct, string)"/>
    public static string Member(IFieldSymbol field) =>
        TypeBinder.Bind(field.ContainingType) is KStruct type ? CNames.Member(type, field.Name) : CNames.Local(field.Name);
}
