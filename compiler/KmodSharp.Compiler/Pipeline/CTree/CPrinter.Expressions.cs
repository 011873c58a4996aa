using System.Globalization;
using System.Numerics;

namespace KmodSharp.Compiler.Pipeline.CTree;

public sealed partial class CPrinter
{
    private const int AssignmentPrecedence = 2;
    private const int ConditionalPrecedence = 3;
    private const int UnaryPrecedence = 14;
    private const int PostfixPrecedence = 15;

    /// <summary>Prints <paramref name="expression"/>, parenthesised when its precedence is below <paramref name="minimum"/>.</summary>
    private void Expression(CExpr expression, int minimum)
    {
        int precedence = Precedence(expression);
        bool parenthesise = precedence < minimum;
        Write(parenthesise ? "(" : "");
        switch (expression)
        {
            case CIdentifier identifier:
                Write(identifier.Name);
                break;
            case CIntegerLiteral literal:
                Write(Literal(literal));
                break;
            case CStringLiteral text:
                Write("\"" + Escape(text.Value) + "\"");
                break;
            case CUnary unary:
                Unary(unary);
                break;
            case CBinary binary:
                Binary(binary);
                break;
            case CAssign assign:
                Expression(assign.Target, UnaryPrecedence);
                Write(" " + (assign.Operator is { } op ? BinaryToken(op) : "") + "= ");
                Expression(assign.Value, AssignmentPrecedence);
                break;
            case CConditional conditional:
                Expression(conditional.Condition, ConditionalPrecedence + 1);
                Write(" ? ");
                Expression(conditional.WhenTrue, ConditionalPrecedence + 1);
                Write(" : ");
                Expression(conditional.WhenFalse, ConditionalPrecedence);
                break;
            case CCast cast:
                Write("(" + TypeName(cast.Type) + ")");
                Expression(cast.Operand, UnaryPrecedence);
                break;
            case CCall call:
                Expression(call.Function, PostfixPrecedence);
                Write("(");
                for (int i = 0; i < call.Arguments.Length; i++)
                {
                    Write(i > 0 ? ", " : "");
                    Expression(call.Arguments[i], AssignmentPrecedence);
                }

                Write(")");
                break;
            case CMember member:
                Expression(member.Target, PostfixPrecedence);
                Write((member.Arrow ? "->" : ".") + member.Member);
                break;
            case CIndex index:
                Expression(index.Target, PostfixPrecedence);
                Write("[");
                Expression(index.Index, 0);
                Write("]");
                break;
            case CSizeofType size:
                Write("sizeof(" + TypeName(size.Type) + ")");
                break;
            case CSizeofExpression size:
                Write("sizeof(");
                Expression(size.Operand, 0);
                Write(")");
                break;
            case CTypeArgument type:
                Write(TypeName(type.Type));
                break;
            default:
                throw new InternalCompilerException($"the C printer has no case for {expression.GetType().Name}");
        }

        Write(parenthesise ? ")" : "");
    }

    private void Unary(CUnary unary)
    {
        switch (unary.Operator)
        {
            case CUnaryOperator.PostIncrement or CUnaryOperator.PostDecrement:
                Expression(unary.Operand, PostfixPrecedence);
                Write(unary.Operator == CUnaryOperator.PostIncrement ? "++" : "--");
                return;
            default:
                string token = unary.Operator switch
                {
                    CUnaryOperator.Negate => "-",
                    CUnaryOperator.Plus => "+",
                    CUnaryOperator.BitwiseNot => "~",
                    CUnaryOperator.LogicalNot => "!",
                    CUnaryOperator.AddressOf => "&",
                    CUnaryOperator.Dereference => "*",
                    CUnaryOperator.PreIncrement => "++",
                    _ => "--",
                };
                Write(token);

                // "- -x" and "- -1" must not fuse into "--".
                bool nestedSign = unary.Operand is CUnary { Operator: CUnaryOperator.Negate or CUnaryOperator.PreDecrement }
                    || (unary.Operand is CIntegerLiteral { Value.Sign: < 0 });
                Expression(unary.Operand, nestedSign ? PostfixPrecedence + 1 : UnaryPrecedence);
                return;
        }
    }

    private void Binary(CBinary binary)
    {
        int precedence = Precedence(binary);
        Expression(binary.Left, ChildMinimum(binary, binary.Left, precedence));
        Write(" " + BinaryToken(binary.Operator) + " ");
        Expression(binary.Right, ChildMinimum(binary, binary.Right, precedence + 1));
    }

    // Bitwise, shift and logical operators get explicit parentheses around any other operator,
    // as a reader (and gcc's -Wparentheses) expects.
    private static int ChildMinimum(CBinary parent, CExpr child, int minimum)
    {
        if (child is CBinary inner && inner.Operator != parent.Operator && (IsBitwiseOrLogical(parent.Operator) || IsBitwiseOrLogical(inner.Operator)))
        {
            return PostfixPrecedence + 1;
        }

        if (child is CIntegerLiteral { Value.Sign: < 0 } literal && !Literal(literal).StartsWith('(') && parent.Operator is CBinaryOperator.Add or CBinaryOperator.Subtract)
        {
            return PostfixPrecedence + 1;
        }

        return minimum;
    }

    private static bool IsBitwiseOrLogical(CBinaryOperator op) => op is CBinaryOperator.ShiftLeft or CBinaryOperator.ShiftRight
        or CBinaryOperator.BitwiseAnd or CBinaryOperator.BitwiseOr or CBinaryOperator.BitwiseXor
        or CBinaryOperator.LogicalAnd or CBinaryOperator.LogicalOr;

    private static int Precedence(CExpr expression) => expression switch
    {
        CBinary binary => binary.Operator switch
        {
            CBinaryOperator.Multiply or CBinaryOperator.Divide or CBinaryOperator.Remainder => 13,
            CBinaryOperator.Add or CBinaryOperator.Subtract => 12,
            CBinaryOperator.ShiftLeft or CBinaryOperator.ShiftRight => 11,
            CBinaryOperator.Less or CBinaryOperator.LessOrEqual or CBinaryOperator.Greater or CBinaryOperator.GreaterOrEqual => 10,
            CBinaryOperator.Equal or CBinaryOperator.NotEqual => 9,
            CBinaryOperator.BitwiseAnd => 8,
            CBinaryOperator.BitwiseXor => 7,
            CBinaryOperator.BitwiseOr => 6,
            CBinaryOperator.LogicalAnd => 5,
            _ => 4,
        },
        CConditional => ConditionalPrecedence,
        CAssign => AssignmentPrecedence,
        CUnary { Operator: CUnaryOperator.PostIncrement or CUnaryOperator.PostDecrement } => PostfixPrecedence,
        CUnary or CCast => UnaryPrecedence,
        CIntegerLiteral { Value.Sign: < 0 } literal => Literal(literal).StartsWith('(') ? PostfixPrecedence : UnaryPrecedence,
        _ => PostfixPrecedence,
    };

    private static string BinaryToken(CBinaryOperator op) => op switch
    {
        CBinaryOperator.Multiply => "*",
        CBinaryOperator.Divide => "/",
        CBinaryOperator.Remainder => "%",
        CBinaryOperator.Add => "+",
        CBinaryOperator.Subtract => "-",
        CBinaryOperator.ShiftLeft => "<<",
        CBinaryOperator.ShiftRight => ">>",
        CBinaryOperator.Less => "<",
        CBinaryOperator.LessOrEqual => "<=",
        CBinaryOperator.Greater => ">",
        CBinaryOperator.GreaterOrEqual => ">=",
        CBinaryOperator.Equal => "==",
        CBinaryOperator.NotEqual => "!=",
        CBinaryOperator.BitwiseAnd => "&",
        CBinaryOperator.BitwiseXor => "^",
        CBinaryOperator.BitwiseOr => "|",
        CBinaryOperator.LogicalAnd => "&&",
        _ => "||",
    };

    // The most negative value of a type has no literal in C: "-2147483648" is the negation of a long.
    private static string Literal(CIntegerLiteral literal)
    {
        string suffix = literal.Suffix == CIntegerSuffix.None ? "" : literal.Suffix.ToString();
        BigInteger value = literal.Value;
        if (value.Sign < 0)
        {
            BigInteger magnitude = -value;
            bool isMinimum = magnitude == BigInteger.Pow(2, 31) || magnitude == BigInteger.Pow(2, 63);
            return isMinimum
                ? $"(-{magnitude - 1}{suffix} - 1)"
                : $"-{magnitude}{suffix}";
        }

        return literal.Hex
            ? "0x" + value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(1, '0') + suffix
            : value.ToString(CultureInfo.InvariantCulture) + suffix;
    }
}
