using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// Operators and conversions translate for built-in types only: one declared in the user's source
/// (a struct outside the kernel classes is not refused where it is declared) is refused where it is
/// used. A library one is KMS0100's. The analyzer and the backend both decide here.
/// </summary>
public static class UserOperator
{
    /// <summary>The operator method declared in source that <paramref name="operation"/> calls, or null.</summary>
    public static IMethodSymbol? Of(IOperation operation)
    {
        IMethodSymbol? method = operation switch
        {
            IBinaryOperation binary => binary.OperatorMethod,
            IUnaryOperation unary => unary.OperatorMethod,
            ICompoundAssignmentOperation compound => compound.OperatorMethod,
            IIncrementOrDecrementOperation step => step.OperatorMethod,
            IConversionOperation conversion => conversion.OperatorMethod,
            _ => null,
        };
        return method is { DeclaringSyntaxReferences.Length: > 0 } ? method : null;
    }

    /// <summary>A use of an operator or conversion declared in source, or null.</summary>
    public static Untranslatable? Check(IOperation operation) => Of(operation) is { } method
        ? new Untranslatable(operation, method.MethodKind == MethodKind.Conversion
            ? $"The user-defined conversion '{method.Name}' (convert with a static method)"
            : $"The user-defined operator '{method.Name}' (operators are translated only for built-in types)")
        : null;
}
