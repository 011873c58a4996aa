using System.Linq;
using KmodSharp.Analyzers.Subset;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// Members of the runtime's enums print as the kernel's own macros (<c>Errno.EINVAL</c> →
/// <c>EINVAL</c>, <c>Privilege.Driver</c> → <c>PRIV_DRIVER</c>) rather than as numbers, and
/// <c>nint.MaxValue</c> as <c>INTPTR_MAX</c>.
/// </summary>
internal static class RuntimeConstants
{
    /// <summary>
    /// <c>nint</c>/<c>nuint</c> <c>MinValue</c> and <c>MaxValue</c>, which are no C# constants (their width
    /// is the machine's), as sys/stdint.h's limits of <c>intptr_t</c> and <c>uintptr_t</c>: the widths of
    /// nint's and nuint's C types (<c>ssize_t</c>, <c>size_t</c>). Null for any other operation.
    /// </summary>
    public static CExpr? NativeIntegerLimit(IOperation operation) =>
        operation is IPropertyReferenceOperation { Property: var limit } && TranslatableApi.Classify(limit) == ApiKind.NativeIntegerLimit
            ? (limit.ContainingType.SpecialType, limit.Name) switch
            {
                (SpecialType.System_IntPtr, "MinValue") => new CIdentifier("INTPTR_MIN"),
                (SpecialType.System_IntPtr, _) => new CIdentifier("INTPTR_MAX"),
                (_, "MinValue") => new CIntegerLiteral(0, CTypeMapper.Suffix(Model.KInteger.NUInt)),
                _ => new CIdentifier("UINTPTR_MAX"),
            }
            : null;

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
