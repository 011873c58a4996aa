using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Flow;

/// <summary>
/// What a branch condition tells about the values it compares, on the side taken: <c>n &lt; 0</c> false
/// leaves n ≥ 0; <c>n is &lt; 0 or &gt; 64</c> false leaves n in [0, 64]. Only side-effect-free conditions narrow.
/// </summary>
internal static class RangeConditions
{
    /// <summary>Narrows <paramref name="state"/> to where <paramref name="condition"/> is <paramref name="truth"/>; false when that cannot happen.</summary>
    public static bool Narrow(UserRangeAnalysis analysis, IOperation condition, bool truth, RangeState state)
    {
        if (!IsPure(condition))
        {
            return true;
        }

        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Narrow(analysis, not.Operand, !truth, state);
            case IBinaryOperation binary when Relation(binary.OperatorKind, truth) is { } relation:
                return Compare(analysis, binary.LeftOperand, relation, binary.RightOperand, state);
            case IIsPatternOperation pattern:
                Interval type = Interval.OfType(pattern.Value.Type) ?? Interval.Full;
                (Interval match, Interval miss) = Matches(pattern.Pattern, type);
                return Restrict(analysis, pattern.Value, truth ? match : miss, state);
            default:
                return true;
        }
    }

    private static bool IsPure(IOperation condition)
    {
        foreach (IOperation operation in condition.DescendantsAndSelf())
        {
            if (operation is IAssignmentOperation or IIncrementOrDecrementOperation or IInvocationOperation)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The relation that holds when the comparison is <paramref name="truth"/>.</summary>
    private static BinaryOperatorKind? Relation(BinaryOperatorKind kind, bool truth) => (kind, truth) switch
    {
        (BinaryOperatorKind.LessThan, true) or (BinaryOperatorKind.GreaterThanOrEqual, false) => BinaryOperatorKind.LessThan,
        (BinaryOperatorKind.LessThanOrEqual, true) or (BinaryOperatorKind.GreaterThan, false) => BinaryOperatorKind.LessThanOrEqual,
        (BinaryOperatorKind.GreaterThan, true) or (BinaryOperatorKind.LessThanOrEqual, false) => BinaryOperatorKind.GreaterThan,
        (BinaryOperatorKind.GreaterThanOrEqual, true) or (BinaryOperatorKind.LessThan, false) => BinaryOperatorKind.GreaterThanOrEqual,
        (BinaryOperatorKind.Equals, true) or (BinaryOperatorKind.NotEquals, false) => BinaryOperatorKind.Equals,
        (BinaryOperatorKind.NotEquals, true) or (BinaryOperatorKind.Equals, false) => BinaryOperatorKind.NotEquals,
        _ => null,
    };

    private static bool Compare(UserRangeAnalysis analysis, IOperation left, BinaryOperatorKind relation, IOperation right, RangeState state)
    {
        if (Interval.OfType(left.Type) is null || Interval.OfType(right.Type) is null)
        {
            return true;
        }

        Interval a = analysis.Eval(left, state.Clone()).Range, b = analysis.Eval(right, state.Clone()).Range;
        Interval all = Interval.Full;
        (Interval newA, Interval newB) = relation switch
        {
            BinaryOperatorKind.LessThan => (new Interval(all.Lo, Minus1(b.Hi)), new Interval(Plus1(a.Lo), all.Hi)),
            BinaryOperatorKind.LessThanOrEqual => (new Interval(all.Lo, b.Hi), new Interval(a.Lo, all.Hi)),
            BinaryOperatorKind.GreaterThan => (new Interval(Plus1(b.Lo), all.Hi), new Interval(all.Lo, Minus1(a.Hi))),
            BinaryOperatorKind.GreaterThanOrEqual => (new Interval(b.Lo, all.Hi), new Interval(all.Lo, a.Hi)),
            BinaryOperatorKind.Equals => (b, a),
            _ => (Exclude(a, b), Exclude(b, a)),
        };
        return Restrict(analysis, left, newA, state) && Restrict(analysis, right, newB, state);
    }

    /// <summary>x != c takes c off an end of x.</summary>
    private static Interval Exclude(Interval x, Interval c)
    {
        if (c.Lo != c.Hi)
        {
            return Interval.Full;
        }

        return c.Lo == x.Lo ? new Interval(Plus1(x.Lo), long.MaxValue) : c.Lo == x.Hi ? new Interval(long.MinValue, Minus1(x.Hi)) : Interval.Full;
    }

    /// <summary>The values a pattern may match and may miss, each as one interval (a hull where the set has holes).</summary>
    private static (Interval Match, Interval Miss) Matches(IPatternOperation pattern, Interval type)
    {
        switch (pattern)
        {
            case IRelationalPatternOperation { Value.ConstantValue: { HasValue: true, Value: { } value } } relational when UserRangeAnalysis.Integer(value) is { } c:
                return relational.OperatorKind switch
                {
                    BinaryOperatorKind.LessThan => (new Interval(type.Lo, Minus1(c)), new Interval(c, type.Hi)),
                    BinaryOperatorKind.LessThanOrEqual => (new Interval(type.Lo, c), new Interval(Plus1(c), type.Hi)),
                    BinaryOperatorKind.GreaterThan => (new Interval(Plus1(c), type.Hi), new Interval(type.Lo, c)),
                    BinaryOperatorKind.GreaterThanOrEqual => (new Interval(c, type.Hi), new Interval(type.Lo, Minus1(c))),
                    _ => (type, type),
                };
            case IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: { } value } } when UserRangeAnalysis.Integer(value) is { } c:
                return (Interval.Of(c), type);
            case IBinaryPatternOperation binary:
                (Interval leftMatch, Interval leftMiss) = Matches(binary.LeftPattern, type);
                (Interval rightMatch, Interval rightMiss) = Matches(binary.RightPattern, type);
                return binary.OperatorKind == BinaryOperatorKind.Or
                    ? (Hull(leftMatch, rightMatch), leftMiss.Meet(rightMiss))
                    : (leftMatch.Meet(rightMatch), Hull(leftMiss, rightMiss));
            case INegatedPatternOperation negated:
                (Interval match, Interval miss) = Matches(negated.Pattern, type);
                return (miss, match);
            default:
                return (type, type);
        }
    }

    // An empty side of an 'or' adds nothing to the hull.
    private static Interval Hull(Interval a, Interval b) => a.IsEmpty ? b : b.IsEmpty ? a : a.Join(b);

    /// <summary>Narrows what <paramref name="operand"/> reads to <paramref name="range"/>, through value-preserving conversions.</summary>
    private static bool Restrict(UserRangeAnalysis analysis, IOperation operand, Interval range, RangeState state)
    {
        while (operand is IConversionOperation conversion)
        {
            // (uint)n < 64 says n is in [0, 63]: a conversion to a type at least as wide is one-to-one,
            // and the identity where both types hold the value.
            Interval? from = Interval.OfType(conversion.Operand.Type), to = Interval.OfType(conversion.Type);
            if (from is not { } source || to is not { } target
                || Interval.Width(conversion.Operand.Type) > Interval.Width(conversion.Type)
                || !source.Meet(target).Contains(range.Meet(target)))
            {
                return true;
            }

            range = range.Meet(target);
            operand = conversion.Operand;
        }

        if (UserRangeAnalysis.SlotOf(operand) is not { } slot)
        {
            return !analysis.Eval(operand, state.Clone()).Range.Meet(range).IsEmpty;
        }

        UserValue value = analysis.Read(slot, operand.Type, state);
        Interval narrowed = value.Range.Meet(range);
        if (narrowed.IsEmpty)
        {
            return false;
        }

        state.Narrow(slot, value.WithRange(narrowed));
        return true;
    }

    private static long Plus1(long value) => value == long.MaxValue ? value : value + 1;

    private static long Minus1(long value) => value == long.MinValue ? value : value - 1;
}
