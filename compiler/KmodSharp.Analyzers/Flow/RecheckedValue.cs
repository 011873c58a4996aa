using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Flow;

/// <summary>
/// KMS0202's rule for a re-fetch that is safe: the value it fetched is validated again before it is used.
/// The value is the variable the fetch stores into (its <c>out</c> variable or destination span, or the
/// local its result is assigned to). Reading its references after the fetch in source order, it is
/// re-checked when it is compared at least once in a branch's condition (a relational or equality
/// operator or an <c>is</c> pattern deciding an <c>if</c> or <c>?:</c>, or a <c>switch</c>; a loop
/// condition does not count) and every other use reads a part already compared (<c>again.Length</c> after
/// <c>again.Length &gt; Max</c>, anything after the whole value was compared). A write to it ends the scan.
/// </summary>
internal static class RecheckedValue
{
    /// <param name="fetch">The fetching call (from the CFG or the operation tree: only its arguments, parent and syntax are read).</param>
    /// <param name="body">The operation tree holding the uses of the value.</param>
    public static bool Of(IInvocationOperation fetch, IOperation body)
    {
        List<ILocalSymbol> values = ValuesOf(fetch);
        if (values.Count == 0)
        {
            return false;
        }

        int after = fetch.Syntax.Span.End;
        var uses = new List<ILocalReferenceOperation>();
        foreach (IOperation operation in body.Descendants())
        {
            if (operation is ILocalReferenceOperation reference && reference.Syntax.SpanStart >= after && Contains(values, reference.Local))
            {
                uses.Add(reference);
            }
        }

        uses.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
        var compared = new List<UserLocation>();
        var overwritten = new List<ILocalSymbol>();
        foreach (ILocalReferenceOperation use in uses)
        {
            if (Contains(overwritten, use.Local))
            {
                continue;
            }

            IOperation access = use;
            var part = UserLocation.Of(use.Local);
            while (access.Parent is IFieldReferenceOperation or IPropertyReferenceOperation && MemberOf(access.Parent) is { } member && part.Field(member) is { } field)
            {
                access = access.Parent;
                part = field;
            }

            if (IsWritten(access))
            {
                overwritten.Add(use.Local);
            }
            else if (IsCompared(access))
            {
                compared.Add(part);
            }
            else if (!IsCovered(part, compared))
            {
                return false;
            }
        }

        return compared.Count > 0;
    }

    private static List<ILocalSymbol> ValuesOf(IInvocationOperation fetch)
    {
        var values = new List<ILocalSymbol>();
        bool hasOut = false;
        foreach (IArgumentOperation argument in fetch.Arguments)
        {
            hasOut |= argument.Parameter?.RefKind == RefKind.Out;
            bool holdsValue = argument.Parameter?.RefKind == RefKind.Out
                || argument.Parameter?.Type is INamedTypeSymbol { Name: "Span", ContainingNamespace.Name: "System" };
            if (holdsValue && LocalOf(argument.Value) is { } local)
            {
                values.Add(local);
            }
        }

        if (!hasOut && StoredInto(fetch) is { } result)
        {
            values.Add(result);
        }

        return values;
    }

    /// <summary>The local a call's result is stored into (<c>int b = Kernel.FetchByte(p)</c>), in the operation tree or the CFG.</summary>
    private static ILocalSymbol? StoredInto(IOperation value)
    {
        while (value.Parent is IConversionOperation conversion)
        {
            value = conversion;
        }

        return value.Parent switch
        {
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } => target.Local,
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            _ => null,
        };
    }

    private static ILocalSymbol? LocalOf(IOperation operation)
    {
        return Conversions.Strip(operation) switch
        {
            ILocalReferenceOperation local => local.Local,
            IDeclarationExpressionOperation declaration => LocalOf(declaration.Expression),
            _ => null,
        };
    }

    private static string? MemberOf(IOperation operation) => operation switch
    {
        IFieldReferenceOperation field => field.Field.Name,
        IPropertyReferenceOperation { Arguments.IsEmpty: true } property => property.Property.Name,
        _ => null,
    };

    private static bool IsWritten(IOperation access) => access.Parent switch
    {
        IAssignmentOperation assignment => ReferenceEquals(assignment.Target, access),
        IIncrementOrDecrementOperation => true,
        IArgumentOperation { Parameter.RefKind: RefKind.Out } => true,
        _ => false,
    };

    /// <summary>Whether the use is a comparison that decides a branch: an <c>if</c> or <c>?:</c> condition (through <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>), or a <c>switch</c>. A loop condition only bounds the loop, it validates nothing.</summary>
    private static bool IsCompared(IOperation access)
    {
        IOperation value = Unwrapped(access);
        switch (value.Parent)
        {
            case ISwitchOperation switchStatement:
                return ReferenceEquals(switchStatement.Value, value);
            case ISwitchExpressionOperation switchExpression:
                return ReferenceEquals(switchExpression.Value, value);
            case IIsPatternOperation pattern when ReferenceEquals(pattern.Value, value):
                return DecidesABranch(pattern);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan
                or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual } comparison:
                return DecidesABranch(comparison);
            default:
                return false;
        }
    }

    private static bool DecidesABranch(IOperation condition)
    {
        condition = Unwrapped(condition);
        while (condition.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr }
            or IUnaryOperation { OperatorKind: UnaryOperatorKind.Not })
        {
            condition = Unwrapped(condition.Parent);
        }

        return condition.Parent is IConditionalOperation branch && ReferenceEquals(branch.Condition, condition);
    }

    private static IOperation Unwrapped(IOperation operation)
    {
        while (operation.Parent is IConversionOperation conversion)
        {
            operation = conversion;
        }

        return operation;
    }

    private static bool IsCovered(UserLocation part, List<UserLocation> compared)
    {
        foreach (UserLocation check in compared)
        {
            if (part.IsWithin(check))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(List<ILocalSymbol> locals, ILocalSymbol local)
    {
        foreach (ILocalSymbol candidate in locals)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, local))
            {
                return true;
            }
        }

        return false;
    }
}
