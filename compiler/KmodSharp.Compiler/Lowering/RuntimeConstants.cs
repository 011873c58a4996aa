using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Lowering;

/// <summary>
/// Members of the runtime's enums print as the kernel's own macros (<c>Errno.EINVAL</c> →
/// <c>EINVAL</c>, <c>Privilege.Driver</c> → <c>PRIV_DRIVER</c>) rather than as numbers.
/// </summary>
internal static class RuntimeConstants
{
    /// <summary>Whether a constant is an OR of runtime flags (<c>MallocFlags.WaitOk | MallocFlags.Zero</c>), printed by name.</summary>
    public static bool IsFlagCombination(IOperation operation) =>
        operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Or } binary
        && (NameOf(binary.LeftOperand) is not null || IsFlagCombination(binary.LeftOperand))
        && (NameOf(binary.RightOperand) is not null || IsFlagCombination(binary.RightOperand));

    public static string? NameOf(IOperation operation)
    {
        while (operation is IConversionOperation { OperatorMethod: null } conversion)
        {
            operation = conversion.Operand;
        }

        if (operation is not IFieldReferenceOperation { Field: { HasConstantValue: true } field }
            || !Frontend.TypeBinder.IsRuntimeType(field.ContainingType, field.ContainingType.Name)
            || field.ContainingType.TypeKind != TypeKind.Enum)
        {
            return null;
        }

        if (field.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "CNameAttribute") is { } cname)
        {
            return cname.ConstructorArguments[0].Value as string;
        }

        return field.ContainingType.Name == "Errno" ? (field.Name == "None" ? "0" : field.Name) : null;
    }
}
