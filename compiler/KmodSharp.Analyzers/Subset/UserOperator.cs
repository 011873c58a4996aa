using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// Operators translate for built-in types only: an operator declared in the user's source (a struct
/// outside the kernel classes is not refused where it is declared) is refused where it is used. A
/// library operator is KMS0100's. The analyzer and the backend both decide here.
/// </summary>
public static class UserOperator
{
    /// <summary>A binary operator declared in source, or null.</summary>
    public static Untranslatable? Check(IBinaryOperation binary) =>
        binary.OperatorMethod is { DeclaringSyntaxReferences.Length: > 0 } method
            ? new Untranslatable(binary, $"The user-defined operator '{method.Name}' (operators are translated only for built-in types)")
            : null;
}
