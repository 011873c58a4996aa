using System.Collections.Generic;
using KmodSharp.Compiler.Pipeline.CTree;

namespace KmodSharp.Compiler.Pipeline.Lowering.Simplify;

/// <summary>
/// Intervals of pure integer expressions and the truth of conditions over them, given the facts at a
/// point. Every answer holds for C's semantics (usual arithmetic conversions, -fwrapv wraparound):
/// where a conversion or a wrap could change a value, the answer is "unknown" (null).
/// </summary>
internal sealed class RangeEvaluator(IReadOnlyDictionary<string, CIntegerType> tracked)
{
    private static readonly Interval IntRange = new(int.MinValue, int.MaxValue);

    public bool IsTracked(string variable) => tracked.ContainsKey(variable);

    public CIntegerType TypeOf(string variable) => tracked[variable];

    /// <summary>The values the expression can have, or null when unknown.</summary>
    public Interval? Range(CExpr expression, RangeFacts facts)
    {
        switch (expression)
        {
            case CIntegerLiteral literal:
                return Interval.Of(literal.Value);
            case CIdentifier { Name: "true" }:
                return Interval.Of(1);
            case CIdentifier { Name: "false" }:
                return Interval.Of(0);
            case CIdentifier { Name: var name } when tracked.TryGetValue(name, out CIntegerType? type):
                return facts.Ranges.TryGetValue(name, out Interval known) ? known : type.Whole;
            case CCast { Type: var type, Operand: var operand } when CIntegerType.Of(type) is { } target && type is not CNamedType { Name: "bool" }:
                return Range(operand, facts) is { } value && value.Within(target.Kept) ? value : target.Whole;
            case CUnary { Operator: CUnaryOperator.LogicalNot } or CBinary { Operator: >= CBinaryOperator.Less and <= CBinaryOperator.NotEqual or CBinaryOperator.LogicalAnd or CBinaryOperator.LogicalOr }:
                return Truth(expression, facts) is { } truth ? Interval.Of(truth ? 1 : 0) : new Interval(0, 1);
            case CBinary { Operator: CBinaryOperator.BitwiseAnd } and:
                return Mask(and, facts);
            case CBinary { Operator: CBinaryOperator.Add or CBinaryOperator.Subtract or CBinaryOperator.Multiply } arithmetic:
                return Arithmetic(arithmetic, facts);
            default:
                return null;
        }
    }

    /// <summary>Whether the condition is always true or always false given the facts, or null when it may be either.</summary>
    public bool? Truth(CExpr condition, RangeFacts facts)
    {
        if (facts.Conditions.TryGetValue(condition, out bool known))
        {
            return known;
        }

        switch (condition)
        {
            case CUnary { Operator: CUnaryOperator.LogicalNot, Operand: var operand }:
                return !Truth(operand, facts);
            case CBinary { Operator: CBinaryOperator.LogicalAnd, Left: var left, Right: var right }:
                return Truth(left, facts) switch
                {
                    false => false,
                    true => Truth(right, Assume(left, true, facts)),
                    null => Truth(right, Assume(left, true, facts)) == false ? false : null,
                };
            case CBinary { Operator: CBinaryOperator.LogicalOr, Left: var left, Right: var right }:
                return Truth(left, facts) switch
                {
                    true => true,
                    false => Truth(right, Assume(left, false, facts)),
                    null => Truth(right, Assume(left, false, facts)) == true ? true : null,
                };
            case CBinary { Operator: >= CBinaryOperator.Less and <= CBinaryOperator.NotEqual } comparison
                when ComparesValues(comparison, facts) && Range(comparison.Left, facts) is { } l && Range(comparison.Right, facts) is { } r:
                return Compare(comparison.Operator, l, r);
            default:
                return null;
        }
    }

    /// <summary>The facts that hold where the condition had the value <paramref name="value"/>.</summary>
    public RangeFacts Assume(CExpr condition, bool value, RangeFacts facts)
    {
        if (CVariables.IsPure(condition) && AllTracked(condition))
        {
            facts = facts.WithCondition(condition, value);
        }

        switch (condition)
        {
            case CUnary { Operator: CUnaryOperator.LogicalNot, Operand: var operand }:
                return Assume(operand, !value, facts);
            case CBinary { Operator: CBinaryOperator.LogicalAnd, Left: var left, Right: var right } when value:
                return Assume(right, true, Assume(left, true, facts));
            case CBinary { Operator: CBinaryOperator.LogicalOr, Left: var left, Right: var right } when !value:
                return Assume(right, false, Assume(left, false, facts));
            case CBinary { Operator: >= CBinaryOperator.Less and <= CBinaryOperator.NotEqual } comparison when ComparesValues(comparison, facts):
                CBinaryOperator op = value ? comparison.Operator : Negated(comparison.Operator);
                facts = Narrow(comparison.Left, op, comparison.Right, facts);
                return Narrow(comparison.Right, Mirrored(op), comparison.Left, facts);
            default:
                return facts;
        }
    }

    private bool AllTracked(CExpr condition)
    {
        foreach (string name in CVariables.Read(condition))
        {
            if (!tracked.ContainsKey(name) && name is not ("true" or "false"))
            {
                return false;
            }
        }

        return true;
    }

    // "x op bound" for a tracked x: x's interval shrinks to the values that satisfy it.
    private RangeFacts Narrow(CExpr variable, CBinaryOperator op, CExpr bound, RangeFacts facts)
    {
        if (variable is not CIdentifier { Name: var name } || !tracked.ContainsKey(name)
            || Range(variable, facts) is not { } current || Range(bound, facts) is not { } limit)
        {
            return facts;
        }

        Interval? allowed = op switch
        {
            CBinaryOperator.Less => current.Intersect(new Interval(current.Min, limit.Max - 1)),
            CBinaryOperator.LessOrEqual => current.Intersect(new Interval(current.Min, limit.Max)),
            CBinaryOperator.Greater => current.Intersect(new Interval(limit.Min + 1, current.Max)),
            CBinaryOperator.GreaterOrEqual => current.Intersect(new Interval(limit.Min, current.Max)),
            CBinaryOperator.Equal => current.Intersect(limit),
            CBinaryOperator.NotEqual when limit.Min == limit.Max && limit.Min == current.Min => current.Intersect(new Interval(current.Min + 1, current.Max)),
            CBinaryOperator.NotEqual when limit.Min == limit.Max && limit.Min == current.Max => current.Intersect(new Interval(current.Min, current.Max - 1)),
            _ => current,
        };
        // An empty interval: the path cannot be taken; nothing is concluded from it.
        return allowed is { } narrowed ? facts.With(name, narrowed) : facts;
    }

    /// <summary>
    /// Whether C compares the two sides as the integers they are: both non-negative (no conversion
    /// changes such a value), or both of signed types (no side converts to unsigned).
    /// </summary>
    private bool ComparesValues(CBinary comparison, RangeFacts facts) =>
        (Range(comparison.Left, facts) is { IsNonNegative: true } && Range(comparison.Right, facts) is { IsNonNegative: true })
        || (IsSigned(comparison.Left) && IsSigned(comparison.Right));

    /// <summary>Whether the expression's C type is known to be signed and at most as wide as any other signed type here.</summary>
    private bool IsSigned(CExpr expression) => expression switch
    {
        CIntegerLiteral literal => CIntegerType.IsSignedLiteral(literal),
        CIdentifier { Name: var name } => tracked.TryGetValue(name, out CIntegerType? type) && type.IsSigned,
        CCast { Type: var type } => CIntegerType.Of(type) is { IsSigned: true },
        CUnary { Operator: CUnaryOperator.Negate, Operand: CIntegerLiteral literal } => CIntegerType.IsSignedLiteral(literal),
        _ => false,
    };

    private static bool? Compare(CBinaryOperator op, Interval l, Interval r) => op switch
    {
        CBinaryOperator.Less => l.Max < r.Min ? true : l.Min >= r.Max ? false : null,
        CBinaryOperator.LessOrEqual => l.Max <= r.Min ? true : l.Min > r.Max ? false : null,
        CBinaryOperator.Greater => l.Min > r.Max ? true : l.Max <= r.Min ? false : null,
        CBinaryOperator.GreaterOrEqual => l.Min >= r.Max ? true : l.Max < r.Min ? false : null,
        CBinaryOperator.Equal => l.Min == l.Max && r.Min == r.Max && l.Min == r.Min ? true : l.Intersect(r) is null ? false : null,
        _ => l.Min == l.Max && r.Min == r.Max && l.Min == r.Min ? false : l.Intersect(r) is null ? true : null,
    };

    /// <summary>The comparison true exactly when <paramref name="op"/> is false (integers only: the kernel has no floating point).</summary>
    internal static CBinaryOperator Negated(CBinaryOperator op) => op switch
    {
        CBinaryOperator.Less => CBinaryOperator.GreaterOrEqual,
        CBinaryOperator.LessOrEqual => CBinaryOperator.Greater,
        CBinaryOperator.Greater => CBinaryOperator.LessOrEqual,
        CBinaryOperator.GreaterOrEqual => CBinaryOperator.Less,
        CBinaryOperator.Equal => CBinaryOperator.NotEqual,
        _ => CBinaryOperator.Equal,
    };

    // a < b is b > a.
    private static CBinaryOperator Mirrored(CBinaryOperator op) => op switch
    {
        CBinaryOperator.Less => CBinaryOperator.Greater,
        CBinaryOperator.LessOrEqual => CBinaryOperator.GreaterOrEqual,
        CBinaryOperator.Greater => CBinaryOperator.Less,
        CBinaryOperator.GreaterOrEqual => CBinaryOperator.LessOrEqual,
        _ => op,
    };

    // x & m with a non-negative m keeps only m's bits: 0 … m, whatever x's type or sign.
    private Interval? Mask(CBinary and, RangeFacts facts)
    {
        Interval? left = Range(and.Left, facts), right = Range(and.Right, facts);
        Interval? mask = (left, right) switch
        {
            ({ IsNonNegative: true } l, { IsNonNegative: true } r) => l.Max <= r.Max ? l : r,
            ({ IsNonNegative: true } l, _) => l,
            (_, { IsNonNegative: true } r) => r,
            _ => null,
        };
        return mask is { } m ? new Interval(0, m.Max) : null;
    }

    // The mathematical result is C's when it fits in int and no unsigned operand could have wrapped it:
    // a non-negative result in int fits every type the operands promote to; a negative one needs signed operands.
    private Interval? Arithmetic(CBinary arithmetic, RangeFacts facts)
    {
        if (Range(arithmetic.Left, facts) is not { } l || Range(arithmetic.Right, facts) is not { } r)
        {
            return null;
        }

        Interval result = arithmetic.Operator switch
        {
            CBinaryOperator.Add => l.Add(r),
            CBinaryOperator.Subtract => l.Subtract(r),
            _ => l.Multiply(r),
        };
        bool operandsFit = l.Within(IntRange) && r.Within(IntRange);
        if (!operandsFit || !result.Within(IntRange))
        {
            return null;
        }

        return result.IsNonNegative || (IsSigned(arithmetic.Left) && IsSigned(arithmetic.Right)) ? result : null;
    }
}
