using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// A value or an <c>Errno</c> becomes a <c>SyscallResult&lt;T&gt;</c> only where it is returned (the C
/// function writes <c>*resultp</c> or returns the error): directly, or as an arm of a returned
/// <c>switch</c> or <c>?:</c>, or where it is stored into a result local (<see cref="StoredResult"/>). Anywhere else the conversion would need a C struct the kernel does not
/// have. The analyzer and the backend both decide here.
/// </summary>
public static class RuntimeConversion
{
    /// <summary>A conversion to <c>SyscallResult&lt;T&gt;</c> that is not returned, or null.</summary>
    public static Untranslatable? Check(IConversionOperation conversion) =>
        conversion.OperatorMethod is { ContainingType: { Name: "SyscallResult" } type } && TranslatableApi.IsRuntimeType(type) && !IsReturned(conversion) && !StoredResult.IsStored(conversion)
            ? new Untranslatable(conversion, $"The user-defined conversion '{conversion.OperatorMethod.Name}' (return it, or store it in a SyscallResult local)")
            : null;

    private static bool IsReturned(IOperation operation) => operation.Parent switch
    {
        IReturnOperation => true,
        ISwitchExpressionArmOperation arm when arm.Value == operation => arm.Parent is { } whole && IsReturned(whole),
        IConditionalOperation conditional when conditional.WhenTrue == operation || conditional.WhenFalse == operation => IsReturned(conditional),
        IConversionOperation whole when operation is ISwitchExpressionOperation or IConditionalOperation => IsReturned(whole),
        _ => false,
    };
}
