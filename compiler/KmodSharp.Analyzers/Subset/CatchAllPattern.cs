using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// A switch arm's pattern that tests nothing about the value: <c>_</c>, a translatable <c>var v</c>/<c>int v</c>
/// (<see cref="PatternVariable"/>) or <c>{ }</c> on a struct (<see cref="FieldPattern"/>). Such an arm without a
/// guard always matches, so the switch cannot run out of arms.
/// </summary>
public static class CatchAllPattern
{
    public static bool Is(IPatternOperation pattern) => pattern switch
    {
        IDiscardPatternOperation or IDeclarationPatternOperation => true,
        IRecursivePatternOperation { PropertySubpatterns.IsEmpty: true } recursive => FieldPattern.IsTranslatable(recursive),
        _ => false,
    };
}
