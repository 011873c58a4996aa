using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// A declaration pattern the translator takes: <c>var v</c> or <c>int v</c> as the whole pattern of a
/// switch arm or case, of the switched value's own type. It always matches (integers and enums are
/// never null), so it only names the value for the arm's <c>when</c> guard and body: the backend
/// assigns the value to the variable before the guard. Elsewhere (<c>is int v</c>, inside <c>and</c>/<c>or</c>,
/// of another type) a declaration pattern is refused with the other patterns (KMS0900). (Roslyn marks
/// 'var v' by <c>MatchesNull</c>.)
/// </summary>
public static class PatternVariable
{
    public static bool IsTranslatable(IDeclarationPatternOperation pattern) =>
        pattern.Parent is ISwitchExpressionArmOperation or IPatternCaseClauseOperation
        && (pattern.MatchesNull || SymbolEqualityComparer.Default.Equals(pattern.MatchedType, pattern.InputType))
        && pattern.InputType.IsValueType
        && pattern.InputType.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;
}
