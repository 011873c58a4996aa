using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// An index from the end (<c>^1</c>), an element read through a <c>System.Index</c> and a range
/// (<c>1..3</c>) have no C twin: a span is indexed with an integer, <c>s[s.Length - 1]</c>, and cut
/// with <c>Slice</c>. The analyzer and the backend both decide here.
/// </summary>
public static class IndexFromEnd
{
    /// <summary>An index-from-end, Index or range operation, or null.</summary>
    public static Untranslatable? Check(IOperation operation) => operation switch
    {
        IImplicitIndexerReferenceOperation => new Untranslatable(operation, $"The expression '{operation.Syntax}' (index a span with an integer, 's[s.Length - 1]', and cut it with Slice)"),
        IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat } when !InIndexer(operation) => new Untranslatable(operation, "The index-from-end operator '^' (index a span with an integer, 's[s.Length - 1]')"),
        IRangeOperation when !InIndexer(operation) => new Untranslatable(operation, "A range (cut a span with Slice)"),
        _ => null,
    };

    // "s[^1]" is reported once, as a whole.
    private static bool InIndexer(IOperation operation)
    {
        IOperation? parent = operation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IImplicitIndexerReferenceOperation;
    }
}
