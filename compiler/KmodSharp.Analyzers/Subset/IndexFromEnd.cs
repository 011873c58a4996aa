using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// Indices from the end and ranges, inside the brackets of a span or inline array: <c>s[^k]</c> is
/// the element at <c>s.Length - k</c>, and <c>s[a..^b]</c> the slice between two bounds, each an
/// <c>int</c> or <c>^int</c> (either may be left out). Both are bounds-checked as .NET checks them.
/// An <c>Index</c> or <c>Range</c> value kept anywhere else has no C twin: it is refused, with the
/// form that works. The analyzer and the backend both decide here.
/// </summary>
public static class IndexFromEnd
{
    /// <summary>An index-from-end, Index or range operation that does not translate, or null.</summary>
    public static Untranslatable? Check(IOperation operation) => operation switch
    {
        IImplicitIndexerReferenceOperation indexer when !Translates(indexer) => new Untranslatable(operation,
            $"The expression '{operation.Syntax}' (index a span with an int or '^int', 's[^1]', and cut it with a range of ints and '^ints', 's[1..^1]')"),
        IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat } when !InBrackets(operation) =>
            new Untranslatable(operation, "The index-from-end operator '^' outside an indexer (write it inside the brackets, 's[^k]')"),
        IRangeOperation when !InBrackets(operation) =>
            new Untranslatable(operation, "A range outside an indexer (write it inside the brackets, 's[a..b]', or cut the span with Slice)"),
        _ => null,
    };

    /// <summary>
    /// Whether an index of an element or a bound of a range is one C can compute: an <c>int</c>, or
    /// <c>^</c> of an <c>int</c> (a range's <c>int</c> bound is seen through its conversion to <c>Index</c>).
    /// </summary>
    public static bool IsBound(IOperation? bound) => bound switch
    {
        null => true,
        IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat, OperatorMethod: null, Operand.Type.SpecialType: SpecialType.System_Int32 } => true,
        IConversionOperation conversion => IsIntToIndex(conversion),
        _ => bound.Type?.SpecialType == SpecialType.System_Int32,
    };

    /// <summary>Whether a range is one C can compute: both bounds are <see cref="IsBound"/>.</summary>
    public static bool IsTranslatableRange(IOperation operation) =>
        operation is IRangeOperation { IsLifted: false } range && IsBound(range.LeftOperand) && IsBound(range.RightOperand);

    /// <summary>
    /// The implicit conversion of an <c>int</c> bound of a range inside brackets to <c>Index</c>
    /// (<c>Index.op_Implicit</c>): no call in C, only the number (KMS0100 lets it through).
    /// </summary>
    public static bool IsRangeBoundConversion(IConversionOperation conversion) =>
        IsIntToIndex(conversion) && conversion.Parent is IRangeOperation range && InBrackets(range);

    private static bool IsIntToIndex(IConversionOperation conversion) =>
        conversion.OperatorMethod is { Name: "op_Implicit", ContainingType: { Name: "Index", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } }
        && conversion.Operand.Type?.SpecialType == SpecialType.System_Int32;

    // s[^k] and s[a..b] on a span the backend has: the argument is '^int' or a translatable range.
    private static bool Translates(IImplicitIndexerReferenceOperation indexer) =>
        SpanSources.IsSpanType(indexer.Instance.Type) && SpanSources.IsSource(indexer.Instance)
        && (indexer.Argument is IRangeOperation ? IsTranslatableRange(indexer.Argument) : indexer.Argument is IUnaryOperation && IsBound(indexer.Argument));

    // "s[^1]" is reported once, as a whole; an untranslatable bound is reported by its indexer.
    private static bool InBrackets(IOperation operation)
    {
        IOperation? parent = operation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IImplicitIndexerReferenceOperation or IInlineArrayAccessOperation || (parent is IRangeOperation && InBrackets(parent));
    }
}
