using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// Deconstruction assignments, <c>(a, b) = (b, a);</c> and <c>var (x, y) = (1, 2);</c>: a statement
/// whose right side is a tuple literal and whose targets are variables, fields, span or inline-array
/// elements, declarations or discards, one level deep. The analyzer (KMS0900) and the backend both
/// decide here which ones translate.
/// </summary>
public static class Deconstruction
{
    /// <summary>The targets, left to right (a declaration <c>var (x, y)</c> gives its locals).</summary>
    public static ImmutableArray<IOperation> Targets(IDeconstructionAssignmentOperation deconstruction) =>
        TargetTuple(deconstruction)?.Elements ?? ImmutableArray<IOperation>.Empty;

    /// <summary>The right side's values, left to right, each converted to its target's type.</summary>
    public static ImmutableArray<IOperation> Values(IDeconstructionAssignmentOperation deconstruction) =>
        TupleLiteral.Of(deconstruction.Value)?.Elements ?? ImmutableArray<IOperation>.Empty;

    /// <summary>Whether <paramref name="tuple"/> is a deconstruction's target or right side (not a tuple value of its own).</summary>
    public static bool IsPart(ITupleOperation tuple)
    {
        IOperation? part = tuple;
        while (part?.Parent is IConversionOperation or IDeclarationExpressionOperation or ITupleOperation)
        {
            part = part.Parent;
        }

        return part?.Parent is IDeconstructionAssignmentOperation;
    }

    /// <summary>Whether <paramref name="tuple"/> is a deconstruction's targets (each element is assigned).</summary>
    public static bool IsTarget(ITupleOperation tuple)
    {
        IOperation targets = tuple.Parent is IDeclarationExpressionOperation declaration ? declaration : tuple;
        return targets.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == targets;
    }

    /// <summary>What in <paramref name="deconstruction"/> does not translate, or null.</summary>
    public static Untranslatable? Check(IDeconstructionAssignmentOperation deconstruction)
    {
        if (deconstruction.Parent is not IExpressionStatementOperation)
        {
            return new Untranslatable(deconstruction, "A deconstruction used as a value (write it as a statement of its own)");
        }

        if (TupleLiteral.Of(deconstruction.Value) is not { } values)
        {
            return new Untranslatable(deconstruction.Value, "Deconstructing a tuple that is not a tuple literal (assign the parts: '(a, b) = (first, second);')");
        }

        if (TargetTuple(deconstruction) is not { } targets)
        {
            return new Untranslatable(deconstruction.Target, "This deconstruction target");
        }

        foreach (IOperation element in values.Elements)
        {
            if (TupleLiteral.Of(element) is not null)
            {
                return new Untranslatable(element, "A nested deconstruction (deconstruct each tuple in a statement of its own)");
            }
        }

        foreach (IOperation target in targets.Elements)
        {
            if (!IsAssignable(target))
            {
                return new Untranslatable(target, target is ITupleOperation or IDeclarationExpressionOperation { Expression: ITupleOperation }
                    ? "A nested deconstruction (deconstruct each tuple in a statement of its own)"
                    : $"The deconstruction target '{target.Syntax}' (assign to variables, fields or elements)");
            }
        }

        return null;
    }

    private static ITupleOperation? TargetTuple(IDeconstructionAssignmentOperation deconstruction) => deconstruction.Target switch
    {
        ITupleOperation tuple => tuple,
        IDeclarationExpressionOperation { Expression: ITupleOperation tuple } => tuple,
        _ => null,
    };

    private static bool IsAssignable(IOperation target) => target switch
    {
        ILocalReferenceOperation or IParameterReferenceOperation or IDiscardOperation or IInlineArrayAccessOperation => true,
        IDeclarationExpressionOperation { Expression: ILocalReferenceOperation } => true,
        IFieldReferenceOperation => true,
        IPropertyReferenceOperation { Property.IsIndexer: true } => true,
        // An element from the end, s[^k] (Subset/IndexFromEnd).
        IImplicitIndexerReferenceOperation { Argument: IUnaryOperation } => true,
        _ => false,
    };
}
