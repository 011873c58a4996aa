using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

// C# semantics on C operators (the module builds with -fwrapv, which makes signed wraparound
// defined and nothing more):
//   a << n      signed:   (int)((u_int)a << (n & 31))     the count is masked as C# does; shifting a
//                                                         negative value left is undefined in C
//   a >>> n               (int)((u_int)a >> (n & 31))
//   a / b, a % b          if (b == 0) return (EDOM);  if (b == -1 && a == INT_MIN) return (EOVERFLOW);
//   a / 0, a %= 0         return (EDOM);              never a C division by a constant zero
//   checked(a + b)        if (__builtin_add_overflow(a, b, &t)) return (EOVERFLOW);
//   int < uint            both sides cast to int64_t, as C# widens them (C would compare as unsigned)
internal sealed partial class FunctionLowering
{
    private const string DivideByZeroErrno = "EDOM";
    private const string OverflowErrno = "EOVERFLOW";

    private CExpr Binary(IBinaryOperation binary)
    {
        if (binary.OperatorMethod is not null)
        {
            throw UserDefined(binary, binary.OperatorMethod);
        }

        if (binary.OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr)
        {
            return ShortCircuit(binary);
        }

        KType operandType = KTypeOf(binary.LeftOperand.Type, binary);
        bool shift = binary.OperatorKind is BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift;
        (CExpr left, CExpr right) = shift
            ? Operands(binary.LeftOperand, binary.RightOperand, operand => operand == binary.LeftOperand ? Operand(operand, operandType) : Value(operand))
            : BalancedOperands(binary.LeftOperand, binary.RightOperand, operandType);

        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.Add when binary.IsChecked:
                return CheckedArithmetic("__builtin_add_overflow", left, right, binary);
            case BinaryOperatorKind.Subtract when binary.IsChecked:
                return CheckedArithmetic("__builtin_sub_overflow", left, right, binary);
            case BinaryOperatorKind.Multiply when binary.IsChecked:
                return CheckedArithmetic("__builtin_mul_overflow", left, right, binary);
            case BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder:
                return Division(binary, left, right, operandType);
            case BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift:
                return Shift(binary.OperatorKind, left, right, binary.RightOperand, operandType);
        }

        return new CBinary(Operator(binary), left, right);
    }

    /// <summary>Lowers both operands in C#'s order (<see cref="InOrder"/>).</summary>
    private (CExpr Left, CExpr Right) Operands(IOperation leftOperation, IOperation rightOperation, System.Func<IOperation, CExpr> lower)
    {
        CExpr?[] values = InOrder([leftOperation, rightOperation], i => lower(i == 0 ? leftOperation : rightOperation));
        return (values[0]!, values[1]!);
    }

    // Drops the implicit widenings of both operands when C's usual arithmetic conversions of
    // what remains produce the operator type anyway; otherwise keeps explicit casts.
    private (CExpr Left, CExpr Right) BalancedOperands(IOperation left, IOperation right, KType operandType)
    {
        KType? strippedLeft = WidenedFrom(left), strippedRight = WidenedFrom(right);
        KType leftType = strippedLeft ?? KTypeOf(left.Type, left), rightType = strippedRight ?? KTypeOf(right.Type, right);
        bool stripBoth = SameCType(UsualArithmetic(leftType, rightType), operandType);
        return Operands(left, right, operand => stripBoth && operand is IConversionOperation { IsImplicit: true } c && WidenedFrom(operand) is not null
            ? Value(c.Operand)
            : Operand(operand, operandType));
    }

    /// <summary>An operand in the operator's type, with a cast where C would not convert it the same way.</summary>
    private CExpr Operand(IOperation operand, KType operandType)
    {
        if (operand is IConversionOperation { IsImplicit: true } conversion && WidenedFrom(operand) is { } source
            && SameCType(Promote(source), operandType))
        {
            return Value(conversion.Operand);
        }

        return Value(operand);
    }

    private KType? WidenedFrom(IOperation operand) =>
        operand is IConversionOperation { IsImplicit: true, OperatorMethod: null, ConstantValue.HasValue: false } conversion
        && IsValuePreserving(conversion.Operand.Type, conversion.Type, operand)
            ? KTypeOf(conversion.Operand.Type, operand)
            : null;

    private static KType Promote(KType type) => Integral(type) is { Bits: < 32 } ? KInteger.Int32 : Integral(type) ?? type;

    private static KType UsualArithmetic(KType a, KType b)
    {
        if (Promote(a) is not KInteger x || Promote(b) is not KInteger y)
        {
            return a;
        }

        if (x.IsSigned == y.IsSigned)
        {
            return x.Bits >= y.Bits ? x : y;
        }

        (KInteger signed, KInteger unsigned) = x.IsSigned ? (x, y) : (y, x);
        return unsigned.Bits >= signed.Bits ? unsigned : signed;
    }

    private static bool SameCType(KType a, KType b) =>
        Integral(a) is { } x && Integral(b) is { } y ? x.Bits == y.Bits && x.IsSigned == y.IsSigned : a == b;

    private CExpr Shift(BinaryOperatorKind kind, CExpr left, CExpr count, IOperation countOperation, KType operandType)
    {
        KInteger integer = Integral(operandType) ?? KInteger.Int32;
        int mask = integer.Bits - 1;
        CExpr maskedCount = countOperation.ConstantValue is { HasValue: true, Value: int constant }
            ? Literal(constant & mask)
            : new CBinary(CBinaryOperator.BitwiseAnd, count, Literal(mask));
        CType type = CTypeMapper.Map(integer);
        bool viaUnsigned = integer.IsSigned && kind is BinaryOperatorKind.LeftShift or BinaryOperatorKind.UnsignedRightShift;
        if (!viaUnsigned)
        {
            return new CBinary(kind == BinaryOperatorKind.LeftShift ? CBinaryOperator.ShiftLeft : CBinaryOperator.ShiftRight, left, maskedCount);
        }

        CType unsigned = CTypeMapper.Map(integer with { IsSigned = false });
        var shifted = new CBinary(kind == BinaryOperatorKind.LeftShift ? CBinaryOperator.ShiftLeft : CBinaryOperator.ShiftRight,
            new CCast(unsigned, left), maskedCount);
        return new CCast(type, shifted);
    }

    private CExpr Division(IBinaryOperation binary, CExpr left, CExpr right, KType operandType)
    {
        var op = binary.OperatorKind == BinaryOperatorKind.Divide ? CBinaryOperator.Divide : CBinaryOperator.Remainder;
        if (!GuardedOperations.NeedsDivisionGuard(binary))
        {
            return new CBinary(op, left, right);
        }

        decimal? divisor = GuardedOperations.IntegerConstant(binary.RightOperand);
        if (divisor == 0)
        {
            return DivisionByConstantZero(HasSideEffects(binary.LeftOperand) ? left : null);
        }

        CType type = CTypeMapper.Map(operandType);
        // The guards read both operands: evaluate each once, left first, as C# does.
        left = left is CIdentifier or CIntegerLiteral ? left : Spill(left, type);
        right = right is CIdentifier or CIntegerLiteral ? right : Spill(right, type);

        // A dividend widened from a narrower type can never be the operator type's minimum (a constant one: MayBeMinimum).
        bool narrowDividend = WidenedFrom(binary.LeftOperand) is { } widened && Integral(widened) is { } source && source.Bits < (Integral(operandType)?.Bits ?? 0);
        DivisionGuards(left, right, operandType,
            divisorMayBeZero: divisor is null,
            mayOverflow: divisor is null or -1 && GuardedOperations.MayBeMinimum(binary.LeftOperand) && !narrowDividend);
        return new CBinary(op, left, right);
    }

    /// <summary>
    /// A constant zero divisor: .NET throws every time, after evaluating the dividend. So the method
    /// fails here unconditionally, and no C divides by a constant zero (gcc refuses it with
    /// -Werror=div-by-zero; the CPU would trap). The value stands in code that never runs.
    /// </summary>
    /// <param name="dividendWithSideEffects">The dividend when evaluating it changes state: it runs first.</param>
    private CExpr DivisionByConstantZero(CExpr? dividendWithSideEffects)
    {
        if (dividendWithSideEffects is not null)
        {
            Emit(new CExpressionStatement(new CCast(CNamedType.Void, dividendWithSideEffects)));
        }

        foreach (CStmt statement in ErrorBlock(new CIdentifier(DivideByZeroErrno)).Statements)
        {
            Emit(statement);
        }

        return Literal(0);
    }

    /// <summary>
    /// What .NET would throw for: a zero divisor (EDOM), and MinValue / -1 (EOVERFLOW), which
    /// would also trap in the CPU. Both operands must already be evaluated.
    /// </summary>
    private void DivisionGuards(CExpr dividend, CExpr divisor, KType operatorType, bool divisorMayBeZero, bool mayOverflow)
    {
        if (divisorMayBeZero)
        {
            Emit(new CIf(new CBinary(CBinaryOperator.Equal, divisor, Literal(0)), ErrorBlock(new CIdentifier(DivideByZeroErrno))));
        }

        if (mayOverflow && Integral(operatorType) is { IsSigned: true } signed)
        {
            var minimum = new CIntegerLiteral(-BigInteger(signed.Bits - 1), CTypeMapper.Suffix(signed));
            var byMinusOne = new CBinary(CBinaryOperator.Equal, divisor, Literal(-1));
            // A constant dividend here is the minimum itself (int.MinValue / d).
            CExpr overflow = dividend is CIntegerLiteral
                ? byMinusOne
                : new CBinary(CBinaryOperator.LogicalAnd, byMinusOne, new CBinary(CBinaryOperator.Equal, dividend, minimum));
            Emit(new CIf(overflow, ErrorBlock(new CIdentifier(OverflowErrno))));
        }
    }

    private static System.Numerics.BigInteger BigInteger(int power) => System.Numerics.BigInteger.Pow(2, power);

    private CExpr CheckedArithmetic(string builtin, CExpr left, CExpr right, IOperation operation)
    {
        string result = Declare(LocalNames.TemporaryStem, CTypeOf(operation.Type!, operation));
        var check = new CCall(builtin, left, right, new CUnary(CUnaryOperator.AddressOf, new CIdentifier(result)));
        Emit(new CIf(check, ErrorBlock(new CIdentifier(OverflowErrno))));
        return new CIdentifier(result);
    }

    private CExpr ShortCircuit(IBinaryOperation binary)
    {
        CExpr left = Value(binary.LeftOperand);
        (var guard, CExpr right) = Prelude(binary.RightOperand);
        bool and = binary.OperatorKind == BinaryOperatorKind.ConditionalAnd;
        if (guard.IsEmpty)
        {
            return new CBinary(and ? CBinaryOperator.LogicalAnd : CBinaryOperator.LogicalOr, left, right);
        }

        // The right operand, guards included, runs only when C# would evaluate it.
        CIdentifier result = Spill(left, new CNamedType("bool"));
        CExpr test = and ? result : new CUnary(CUnaryOperator.LogicalNot, result);
        Emit(new CIf(test, new CBlock([.. guard, new CExpressionStatement(new CAssign(result, right))])));
        return result;
    }

    private static CBinaryOperator Operator(IBinaryOperation binary) => binary.OperatorKind switch
    {
        BinaryOperatorKind.Add => CBinaryOperator.Add,
        BinaryOperatorKind.Subtract => CBinaryOperator.Subtract,
        BinaryOperatorKind.Multiply => CBinaryOperator.Multiply,
        BinaryOperatorKind.And => CBinaryOperator.BitwiseAnd,
        BinaryOperatorKind.Or => CBinaryOperator.BitwiseOr,
        BinaryOperatorKind.ExclusiveOr => CBinaryOperator.BitwiseXor,
        BinaryOperatorKind.Equals => CBinaryOperator.Equal,
        BinaryOperatorKind.NotEquals => CBinaryOperator.NotEqual,
        BinaryOperatorKind.LessThan => CBinaryOperator.Less,
        BinaryOperatorKind.LessThanOrEqual => CBinaryOperator.LessOrEqual,
        BinaryOperatorKind.GreaterThan => CBinaryOperator.Greater,
        BinaryOperatorKind.GreaterThanOrEqual => CBinaryOperator.GreaterOrEqual,
        _ => throw new InternalCompilerException($"no C operator for {binary.OperatorKind}"),
    };
}
