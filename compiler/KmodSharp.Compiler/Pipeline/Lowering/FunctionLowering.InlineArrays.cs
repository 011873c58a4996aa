using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

// An [InlineArray(N)] struct is a C struct around one array (see TypeBinder), indexed with .NET's
// bounds check unless the index is a constant (C# itself rejects a constant out of range):
//   s.Values[i] += 2;             if ((size_t)i >= 8) return (EINVAL); s.values.element0[i] += 2;
//   Span<int> all = s.Values;     all = s.values.element0; all_len = 8;
//   s.Values[^1]                  s.values.element0[7]          (from the end and ranges: FunctionLowering.Ranges)
internal sealed partial class FunctionLowering
{
    private CExpr InlineArrayElement(IInlineArrayAccessOperation access)
    {
        // An index other than an int is refused by the analyzer (Subset/InlineArrayAccess).
        if (Analyzers.Subset.InlineArrayAccess.Check(access) is not null || InlineArrayOf(access.Instance) is not { } array)
        {
            throw LoweringContext.Untranslated(access, $"the inline array access '{access.Syntax}'");
        }

        return access.Argument is IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat } fromEnd ? ElementFromEnd(array, fromEnd) : SpanElementAt(array, access.Argument);
    }

    /// <summary>The elements of an inline array variable or field as a span (its C array and constant length); null for any other value.</summary>
    private SpanValue? InlineArrayOf(IOperation operation)
    {
        if (operation.Type is not { } type || Frontend.TypeBinder.InlineArrayLength(type) is not int length
            || KTypeOf(type, operation) is not KStruct { Fields: [var elements] } inline
            || operation is not (ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IInlineArrayAccessOperation))
        {
            return null;
        }

        CExpr instance = Value(operation);
        string member = CNames.Member(inline, elements.Name);
        CExpr array = instance is CUnary { Operator: CUnaryOperator.Dereference } deref
            ? new CMember(deref.Operand, member, Arrow: true)
            : new CMember(instance, member, Arrow: false);
        return new SpanValue(array, new CIntegerLiteral(length), elements.Type);
    }
}
