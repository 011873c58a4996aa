using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// A property pattern the translator takes: on a struct value, without a type test, a deconstruction
/// or a variable, each subpattern on an instance field of it (or of a field of it, <c>{ Range.Low: 1 }</c>).
/// <c>r is { Level: &gt; 0, Delta: &lt; 0 }</c> is <c>r.level &gt; 0 &amp;&amp; r.delta &lt; 0</c>; a struct is never null,
/// so nothing else is tested. The subpatterns are checked as patterns of their own (KMS0900).
/// </summary>
public static class FieldPattern
{
    public static bool IsTranslatable(IRecursivePatternOperation pattern) =>
        pattern.DeconstructionSubpatterns.IsEmpty
        && pattern.DeclaredSymbol is null
        && pattern.InputType is { IsValueType: true, IsRefLikeType: false } input
        && input.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
        && SymbolEqualityComparer.Default.Equals(pattern.MatchedType, input)
        && pattern.PropertySubpatterns.All(p => IsFieldOfInput(p.Member));

    private static bool IsFieldOfInput(IOperation member) => member switch
    {
        IFieldReferenceOperation { Field.IsStatic: false, Instance: IInstanceReferenceOperation } => true,
        IFieldReferenceOperation { Field.IsStatic: false, Instance: { } instance } => IsFieldOfInput(instance),
        _ => false,
    };
}
