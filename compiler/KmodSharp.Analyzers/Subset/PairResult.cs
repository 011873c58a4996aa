using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// The two-value result <c>(long, long)</c> (the kernel's <c>td_retval[0]</c> and <c>[1]</c>): a
/// method gives it as a tuple literal, <c>return (first, second);</c>, a pair local or a call of another
/// such method (<see cref="PairLocal"/>). The analyzer and the backend
/// both decide here what such a return is.
/// </summary>
public static class PairResult
{
    public static bool IsPairType(ITypeSymbol? type) =>
        type is INamedTypeSymbol { IsTupleType: true, TupleElements: { Length: 2 } elements }
        && elements[0].Type.SpecialType == SpecialType.System_Int64 && elements[1].Type.SpecialType == SpecialType.System_Int64;

    /// <summary>A return of a pair that is not a tuple literal, or null.</summary>
    public static Untranslatable? Check(IReturnOperation ret) =>
        ret.ReturnedValue is { } returned && IsPairType(returned.Type) && TupleLiteral.Of(returned) is not { Elements.Length: 2 } && !PairLocal.IsSource(returned)
            ? new Untranslatable(ret, "Returning this pair (return a tuple literal '(first, second)', a '(long, long)' local or a call)")
            : null;
}
