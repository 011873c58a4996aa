using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// An element of an <c>[InlineArray(N)]</c> struct, <c>s.Values[i]</c>: indexed by an <c>int</c> (a C array
/// index with .NET's bounds check). An index from the end or a range has no C form; the span the
/// array converts to slices. The analyzer (KMS0900) and the backend both decide here.
/// </summary>
public static class InlineArrayAccess
{
    public static Untranslatable? Check(IInlineArrayAccessOperation access) =>
        access.Argument.Type?.SpecialType == SpecialType.System_Int32
            ? null
            : new Untranslatable(access, $"The inline array access '{access.Syntax}' (index an inline array with an int, or convert it to a span to slice it)");
}
