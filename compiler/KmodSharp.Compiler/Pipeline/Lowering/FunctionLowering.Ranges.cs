using KmodSharp.Compiler.Pipeline.CTree;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

// Indices from the end and ranges (Analyzers.Subset.IndexFromEnd) are offsets from the length,
// computed in size_t: a bound C# would reject (negative, past the end, or wrapped in int) is out
// of range there too, and every out-of-range access is EINVAL, as a plain index is:
//   s[^k]            if ((size_t)k - 1 >= s_len) return (EINVAL);
//                    kms_t = s_len - (size_t)k;  … s[kms_t] …
//   t = s[a..^b];    kms_t = s_len - (size_t)b;
//                    if ((size_t)a > kms_t || kms_t > s_len) return (EINVAL);
//                    t = s + (size_t)a; t_len = kms_t - (size_t)a;
internal sealed partial class FunctionLowering
{
    /// <summary><c>s[^k]</c>: the element <c>k</c> from the end, after the bounds check .NET would make.</summary>
    private CExpr ElementFromEnd(SpanValue span, IUnaryOperation fromEnd)
    {
        CExpr k = Index(Value(fromEnd.Operand));
        if (k is CIntegerLiteral { Value: var count } && count > 0)
        {
            if (span.Length is CIntegerLiteral { Value: var length } && count <= length)
            {
                return new CIndex(span.Pointer, new CIntegerLiteral(length - count));
            }

            Emit(new CIf(new CBinary(CBinaryOperator.Less, span.Length, k), ErrorBlock(new CIdentifier(IndexErrno))));
            return new CIndex(span.Pointer, Stable(new CBinary(CBinaryOperator.Subtract, span.Length, k)));
        }

        // k is 1 … length exactly when k - 1 is below the length (0 and negatives wrap to huge).
        k = k is CIntegerLiteral ? new CCast(CNamedType.SizeT, k) : k;
        Emit(new CIf(new CBinary(CBinaryOperator.GreaterOrEqual, new CBinary(CBinaryOperator.Subtract, k, new CIntegerLiteral(1)), span.Length),
            ErrorBlock(new CIdentifier(IndexErrno))));
        return new CIndex(span.Pointer, Stable(new CBinary(CBinaryOperator.Subtract, span.Length, k)));
    }

    /// <summary><c>s[a..b]</c>: the span between the bounds (0 and the length where left out), checked as <c>Range.GetOffsetAndLength</c> checks them.</summary>
    private SpanValue RangeOf(SpanValue span, IRangeOperation range)
    {
        CExpr start = range.LeftOperand is null ? new CIntegerLiteral(0) : Bound(span, range.LeftOperand);
        // C# evaluates the start first: where the end's evaluation could change it, it is taken now.
        start = range.RightOperand is { } right && HasSideEffects(right) && range.LeftOperand is { } left && !IsUnaffected(left, right)
            ? Spill(start, CNamedType.SizeT)
            : Stable(start);
        CExpr end = Stable(range.RightOperand is null ? span.Length : Bound(span, range.RightOperand));
        // Only the tests that can fail: a start of 0 is never past the end, nor the length past itself.
        CExpr? startPastEnd = start is CIntegerLiteral { Value.IsZero: true } || (start is CIntegerLiteral { Value: var first } && end is CIntegerLiteral { Value: var last } && first <= last)
            ? null
            : new CBinary(CBinaryOperator.Greater, start, end);
        CExpr? endPastLength = ReferenceEquals(end, span.Length) || (end is CIntegerLiteral { Value: var e } && span.Length is CIntegerLiteral { Value: var length } && e <= length)
            ? null
            : new CBinary(CBinaryOperator.Greater, end, span.Length);
        if ((startPastEnd, endPastLength) switch { (null, null) => null, ({ } a, null) => a, (null, { } b) => b, ({ } a, { } b) => new CBinary(CBinaryOperator.LogicalOr, a, b) } is { } outOfRange)
        {
            Emit(new CIf(outOfRange, ErrorBlock(new CIdentifier(IndexErrno))));
        }

        CExpr count = start is CIntegerLiteral { Value.IsZero: true } ? end
            : start is CIntegerLiteral { Value: var from } && end is CIntegerLiteral { Value: var to } ? new CIntegerLiteral(to - from)
            : new CBinary(CBinaryOperator.Subtract, end, start);
        CExpr pointer = start is CIntegerLiteral { Value.IsZero: true } ? span.Pointer : new CBinary(CBinaryOperator.Add, span.Pointer, start);
        return new SpanValue(pointer, count, span.Element);
    }

    // A bound as a size_t offset from the start: an int as it is, '^b' as length - b.
    private CExpr Bound(SpanValue span, IOperation bound)
    {
        // An int bound is converted to Index (Index.op_Implicit): the number itself, with any conversion to int it has.
        if (bound is IConversionOperation { OperatorMethod: not null } toIndex)
        {
            bound = toIndex.Operand;
        }

        if (bound is not IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat } fromEnd)
        {
            return Index(Value(bound));
        }

        CExpr b = Index(Value(fromEnd.Operand));
        return span.Length is CIntegerLiteral { Value: var length } && b is CIntegerLiteral { Value: var count } && count <= length
            ? new CIntegerLiteral(length - count)
            : new CBinary(CBinaryOperator.Subtract, span.Length, b);
    }

    // A bound or index is read more than once (the check, the slice, a compound assignment): anything but a name or a literal is computed once.
    private CExpr Stable(CExpr bound) =>
        bound is CIdentifier or CIntegerLiteral or CCast { Operand: CIdentifier } ? bound : Spill(bound, CNamedType.SizeT);
}
