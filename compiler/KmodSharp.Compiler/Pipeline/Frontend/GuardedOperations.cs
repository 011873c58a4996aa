using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Frontend;

/// <summary>
/// The operations .NET turns into an exception (division by zero, <c>MinValue / -1</c>, checked
/// overflow, an index out of range, <c>Math.Abs(int.MinValue)</c>, <c>Math.Clamp</c> with min &gt; max), which the C must guard with a test that ends the method with
/// an errno: a fact of C# semantics that the errno analysis and the lowering both read.
/// </summary>
public static class GuardedOperations
{
    /// <summary>Whether the operation needs a run-time guard that can end the method with an errno.</summary>
    public static bool IsGuarded(IOperation operation) => operation switch
    {
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder } division => NeedsDivisionGuard(division),
        IBinaryOperation { IsChecked: true, OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply } => true,
        IUnaryOperation { IsChecked: true, OperatorKind: UnaryOperatorKind.Minus } => true,
        IConversionOperation { IsChecked: true, Operand.ConstantValue.HasValue: false } conversion => !IsWidening(conversion),
        ICompoundAssignmentOperation { IsChecked: true } => true,
        ICompoundAssignmentOperation compound when OverflowContext.ChecksNarrowing(compound) => true,
        ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder } compound =>
            IntegerConstant(compound.Value) is null or 0 or -1,
        IIncrementOrDecrementOperation { IsChecked: true } => true,
        ISwitchExpressionOperation switchExpression => !switchExpression.Arms.Any(a => Analyzers.Subset.CatchAllPattern.Is(a.Pattern) && a.Guard is null),
        IPropertyReferenceOperation { Property.IsIndexer: true } indexer => IsSpanType(indexer.Instance?.Type),
        IInlineArrayAccessOperation access => !access.Argument.ConstantValue.HasValue,
        IImplicitIndexerReferenceOperation => true,
        IInvocationOperation { TargetMethod.Name: "Slice" or "CopyTo", Instance: { } instance } => IsSpanType(instance.Type),
        IInvocationOperation call when Analyzers.Subset.IntegerMath.IsIntegerMath(call.TargetMethod) => Analyzers.Subset.IntegerMath.MayThrow(call),
        IInvocationOperation { TargetMethod.Name: "Allocate" } allocate => allocate.Arguments.Any(a => a.Parameter?.Ordinal == 0 && !a.Value.ConstantValue.HasValue),
        _ => false,
    };

    private static bool IsSpanType(ITypeSymbol? type) => type is not null && TypeBinder.Bind(type) is Model.KSpan;

    public static bool NeedsDivisionGuard(IBinaryOperation division)
    {
        if (IntegerConstant(division.RightOperand) is not { } value)
        {
            return true;
        }

        bool signed = division.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_IntPtr;
        return value == 0 || (value == -1 && signed && MayBeMinimum(division.LeftOperand));
    }

    /// <summary>
    /// Whether a dividend can be its type's minimum, which divided by -1 overflows: anything but a
    /// constant other than the minimum (<c>int.MinValue / d</c> can).
    /// </summary>
    public static bool MayBeMinimum(IOperation dividend)
    {
        decimal? minimum = dividend.Type?.SpecialType switch
        {
            SpecialType.System_Int32 => int.MinValue,
            SpecialType.System_Int64 or SpecialType.System_IntPtr => long.MinValue,
            _ => null,
        };
        return minimum is not null && (IntegerConstant(dividend) is not { } value || value == minimum);
    }

    /// <summary>
    /// The value of an integer constant of any C# type (<c>0</c>, <c>0U</c>, <c>(byte)0</c> and <c>0L</c> alike),
    /// or null when the operation is no constant.
    /// </summary>
    public static decimal? IntegerConstant(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: { } value } && value is not bool and not string
            ? System.Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private static bool IsWidening(IConversionOperation conversion) =>
        conversion.Operand.Type is { } from && conversion.Type is { } to
        && TypeBinder.Bind(from) is Model.KInteger source && TypeBinder.Bind(to) is Model.KInteger target
        && (source.IsSigned == target.IsSigned ? target.Bits >= source.Bits : !source.IsSigned && target.Bits > source.Bits);
}
