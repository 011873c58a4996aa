using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// An element of an <c>[InlineArray(N)]</c> struct, <c>s.Values[i]</c>: indexed by an <c>int</c> or from
/// the end, <c>s.Values[^1]</c> (a C array index with .NET's bounds check), or cut by a range of <c>int</c>
/// and <c>^int</c> bounds, <c>s.Values[1..^1]</c> (a span over the array). Any other <c>Index</c> or <c>Range</c>
/// value has no C form. The analyzer (KMS0900) and the backend both decide here.
/// </summary>
public static class InlineArrayAccess
{
    public static Untranslatable? Check(IInlineArrayAccessOperation access) =>
        access.Argument.Type?.SpecialType == SpecialType.System_Int32
        || access.Argument is IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat } && IndexFromEnd.IsBound(access.Argument)
        || IndexFromEnd.IsTranslatableRange(access.Argument)
            ? null
            : new Untranslatable(access, $"The inline array access '{access.Syntax}' (index an inline array with an int or '^int', and cut it with a range of ints and '^ints', 'a[1..^1]')");
}
