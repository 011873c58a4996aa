using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

internal sealed partial class FunctionLowering
{
    private CExpr Unary(IUnaryOperation unary)
    {
        if (unary.OperatorMethod is not null)
        {
            throw UserDefined(unary, unary.OperatorMethod);
        }

        KType type = KTypeOf(unary.Type, unary);
        CExpr operand = Operand(unary.Operand, type);
        switch (unary.OperatorKind)
        {
            case UnaryOperatorKind.Minus when unary.IsChecked:
                return CheckedArithmetic("__builtin_sub_overflow", Literal(0), operand, unary);
            case UnaryOperatorKind.Minus:
                return new CUnary(CUnaryOperator.Negate, operand);
            case UnaryOperatorKind.Plus:
                return operand;
            case UnaryOperatorKind.BitwiseNegation:
                return new CUnary(CUnaryOperator.BitwiseNot, operand);
            case UnaryOperatorKind.Not:
                return new CUnary(CUnaryOperator.LogicalNot, operand);
            default:
                // '^' is Analyzers.Subset.IndexFromEnd's; 'true' and 'false' exist only as user-defined operators.
                throw LoweringContext.Untranslated(unary, $"the operator '{unary.OperatorKind}'");
        }
    }

    // Integer conversions keep C#'s meaning: to an unsigned type C reduces modulo 2^n, and to a
    // narrower signed type the kernel compilers (gcc, clang) do the same. checked(...) adds a range test.
    private CExpr Conversion(IConversionOperation conversion)
    {
        if (conversion.OperatorMethod is not null)
        {
            // A SyscallResult is made only where it is returned (ReturnValue): Analyzers.Subset.RuntimeConversion refuses the others.
            throw UserDefined(conversion, conversion.OperatorMethod);
        }

        KType target = KTypeOf(conversion.Type, conversion), source = KTypeOf(conversion.Operand.Type, conversion);
        CExpr operand = Value(conversion.Operand);
        if (SameCType(source, target) || (target is KBool && source is KBool))
        {
            return operand;
        }

        CType cType = CTypeMapper.Map(target);
        if (conversion.IsChecked && !IsValuePreserving(conversion.Operand.Type, conversion.Type, conversion)
            && Integral(source) is { } from && Integral(target) is { } to)
        {
            CExpr value = operand is CIdentifier or CIntegerLiteral ? operand : Spill(operand, CTypeMapper.Map(source));
            Emit(new CIf(RangeCheckFails(value, from, to), ErrorBlock(new CIdentifier(OverflowErrno))));
            return new CCast(cType, value);
        }

        return new CCast(cType, operand);
    }

    // The value is out of the target's range: compared in the source type, with bounds that fit it.
    private static CExpr RangeCheckFails(CExpr value, KInteger from, KInteger to)
    {
        System.Numerics.BigInteger max = to.IsSigned ? System.Numerics.BigInteger.Pow(2, to.Bits - 1) - 1 : System.Numerics.BigInteger.Pow(2, to.Bits) - 1;
        System.Numerics.BigInteger min = to.IsSigned ? -System.Numerics.BigInteger.Pow(2, to.Bits - 1) : 0;
        System.Numerics.BigInteger fromMax = from.IsSigned ? System.Numerics.BigInteger.Pow(2, from.Bits - 1) - 1 : System.Numerics.BigInteger.Pow(2, from.Bits) - 1;
        System.Numerics.BigInteger fromMin = from.IsSigned ? -System.Numerics.BigInteger.Pow(2, from.Bits - 1) : 0;
        CIntegerSuffix suffix = CTypeMapper.Suffix(from);
        CExpr? tooBig = max < fromMax ? new CBinary(CBinaryOperator.Greater, value, new CIntegerLiteral(max, suffix)) : null;
        CExpr? tooSmall = min > fromMin ? new CBinary(CBinaryOperator.Less, value, new CIntegerLiteral(min, suffix)) : null;
        return (tooBig, tooSmall) switch
        {
            ({ } a, { } b) => new CBinary(CBinaryOperator.LogicalOr, b, a),
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => new CIdentifier("false"),
        };
    }

    private CExpr CompoundAssignment(ICompoundAssignmentOperation compound)
    {
        if (compound.OperatorMethod is not null)
        {
            throw UserDefined(compound, compound.OperatorMethod);
        }

        CExpr target = AssignmentTarget(compound.Target, compound.Value);
        if (!IsStableLvalue(target))
        {
            // Every target C# allows here lowers to a name, a member or an element with a spilled index.
            throw LoweringContext.Untranslated(compound, "a compound assignment to this target");
        }

        CExpr read = CompoundRead(compound, target);

        bool simple = !compound.IsChecked && compound.OperatorMethod is null
            && compound.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply
                or BinaryOperatorKind.And or BinaryOperatorKind.Or or BinaryOperatorKind.ExclusiveOr;
        if (simple)
        {
            // C's "x op= v" converts back to x's type exactly as C# does (modulo for narrow types).
            CExpr value = Converted(compound.Value);
            return read == target
                ? new CAssign(target, value, Operator(compound.OperatorKind))
                : new CAssign(target, new CBinary(Operator(compound.OperatorKind), read, value));
        }

        KType targetType = KTypeOf(compound.Target.Type, compound);
        KType operatorType = Promote(targetType);
        CExpr right = Converted(compound.Value);
        CExpr result = compound.OperatorKind switch
        {
            BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift =>
                Shift(compound.OperatorKind, read, right, compound.Value, operatorType),
            BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder => CompoundDivision(compound, read, right, targetType, operatorType),
            BinaryOperatorKind.Add => CheckedArithmetic("__builtin_add_overflow", read, right, compound.Target),
            BinaryOperatorKind.Subtract => CheckedArithmetic("__builtin_sub_overflow", read, right, compound.Target),
            BinaryOperatorKind.Multiply => CheckedArithmetic("__builtin_mul_overflow", read, right, compound.Target),
            _ => throw LoweringContext.Untranslated(compound, $"the compound operator '{compound.OperatorKind}'"),
        };
        // C# converts the result back to the target's type, in a checked context with a checked conversion.
        if (OverflowContext.ChecksNarrowing(compound) && Integral(operatorType) is { } from && Integral(targetType) is { } to)
        {
            result = Spill(result, CTypeMapper.Map(operatorType));
            Emit(new CIf(RangeCheckFails(result, from, to), ErrorBlock(new CIdentifier(OverflowErrno))));
        }

        return new CAssign(target, SameCType(operatorType, targetType) ? result : new CCast(CTypeMapper.Map(targetType), result));
    }

    // The general form "t = t op v" names the target twice: only a target without side effects may be
    // (an element index is spilled to a temporary by its bounds check first).
    private static bool IsStableLvalue(CExpr target) => target switch
    {
        CIdentifier => true,
        CUnary { Operator: CUnaryOperator.Dereference, Operand: var pointer } => IsStableLvalue(pointer),
        CMember { Target: var instance } => IsStableLvalue(instance),
        CIndex { Target: var array, Index: var index } => IsStableLvalue(array) && index is CIdentifier or CIntegerLiteral or CCast { Operand: CIdentifier },
        _ => false,
    };

    private CExpr CompoundDivision(ICompoundAssignmentOperation compound, CExpr target, CExpr right, KType targetType, KType operatorType)
    {
        var op = compound.OperatorKind == BinaryOperatorKind.Divide ? CBinaryOperator.Divide : CBinaryOperator.Remainder;
        decimal? divisor = GuardedOperations.IntegerConstant(compound.Value);
        if (divisor == 0)
        {
            // The target was evaluated (its bounds checked) and is only read.
            return DivisionByConstantZero(null);
        }

        right = right is CIdentifier or CIntegerLiteral ? right : Spill(right, CTypeMapper.Map(operatorType));

        // A target narrower than the operator type can never hold its minimum.
        bool narrowTarget = (Integral(targetType)?.Bits ?? 0) < (Integral(operatorType)?.Bits ?? 0);
        DivisionGuards(target, right, operatorType,
            divisorMayBeZero: divisor is null,
            mayOverflow: divisor is null or -1 && !narrowTarget);
        return new CBinary(op, target, right);
    }

    // A library operator is KMS0100's (Analyzers.Subset.TranslatableApi), one declared in source
    // Analyzers.Subset.UserOperator's, a runtime conversion RuntimeConversion's.
    private static InternalCompilerException UserDefined(IOperation operation, IMethodSymbol method) =>
        LoweringContext.Untranslated(operation, $"the user-defined operator '{method.Name}'");

    private CExpr IncrementOrDecrement(IIncrementOrDecrementOperation step)
    {
        if (step.OperatorMethod is not null)
        {
            throw UserDefined(step, step.OperatorMethod);
        }

        CExpr target = Value(step.Target);
        bool increment = step.Kind == OperationKind.Increment;
        if (step.IsChecked)
        {
            CExpr next = CheckedArithmetic(increment ? "__builtin_add_overflow" : "__builtin_sub_overflow", target, Literal(1), step.Target);
            if (step.IsPostfix)
            {
                CIdentifier old = Spill(target, CTypeOf(step.Target.Type!, step));
                Emit(new CExpressionStatement(new CAssign(target, next)));
                return old;
            }

            return new CAssign(target, next);
        }

        CUnaryOperator op = (increment, step.IsPostfix) switch
        {
            (true, true) => CUnaryOperator.PostIncrement,
            (true, false) => CUnaryOperator.PreIncrement,
            (false, true) => CUnaryOperator.PostDecrement,
            _ => CUnaryOperator.PreDecrement,
        };
        return new CUnary(op, target);
    }

    private static CBinaryOperator Operator(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Add => CBinaryOperator.Add,
        BinaryOperatorKind.Subtract => CBinaryOperator.Subtract,
        BinaryOperatorKind.Multiply => CBinaryOperator.Multiply,
        BinaryOperatorKind.And => CBinaryOperator.BitwiseAnd,
        BinaryOperatorKind.Or => CBinaryOperator.BitwiseOr,
        _ => CBinaryOperator.BitwiseXor,
    };
}
