using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// What a <c>SyscallResult&lt;T&gt;</c> method returns: an <c>Errno</c>, a <c>T</c> (each converted), a
/// call of another such method (its C result pointer is passed on), a result local
/// (<see cref="StoredResult"/>), or a switch or conditional of those, arm by arm. A parameter or a
/// field of that type has no C value to return. The analyzer (KMS0900) and the backend's return both decide here.
/// </summary>
public static class SyscallResultReturn
{
    /// <summary>The first returned value that is a stored <c>SyscallResult</c>, or null.</summary>
    public static Untranslatable? Check(IReturnOperation ret) => ret.ReturnedValue is { } value ? Check(value) : null;

    /// <summary>Whether <paramref name="value"/> (its conversions taken off) is a call of a source method returning a <c>SyscallResult</c>.</summary>
    public static bool IsForwardedCall(IOperation value) =>
        value is IInvocationOperation { TargetMethod: var method } && IsSyscallResult(value.Type) && IsInSource(method);

    public static bool IsSyscallResult(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "SyscallResult" } named && TranslatableApi.IsRuntimeType(named);

    private static Untranslatable? Check(IOperation value)
    {
        switch (value)
        {
            case IConversionOperation { OperatorMethod: not null }:
                return null;
            case IConversionOperation { Operand: ISwitchExpressionOperation or IConditionalOperation } whole when IsSyscallResult(whole.Type):
                return Check(whole.Operand);
            case ISwitchExpressionOperation choice:
                foreach (ISwitchExpressionArmOperation arm in choice.Arms)
                {
                    if (Check(arm.Value) is { } stored)
                    {
                        return stored;
                    }
                }

                return null;
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return Check(conditional.WhenTrue) ?? Check(whenFalse);
            default:
                return IsSyscallResult(value.Type) && !IsForwardedCall(value) && !(value is ILocalReferenceOperation { Local.Type: var type } && StoredResult.IsStorable(type))
                    ? new Untranslatable(value, "Returning this SyscallResult (return a value, an Errno, a call or a result local)")
                    : null;
        }
    }

    private static bool IsInSource(IMethodSymbol method)
    {
        foreach (Location location in method.OriginalDefinition.Locations)
        {
            if (location.IsInSource)
            {
                return true;
            }
        }

        return false;
    }
}
