using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// The span variables of one function (parameters and locals) as C pointers and lengths, and the
/// byte buffers that hold copyinstr(9)'s NUL-terminated string wherever they are read (<see cref="CopiedStringBuffer"/>).
/// </summary>
internal sealed class SpanTable
{
    private readonly Dictionary<ISymbol, SpanValue> spans = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> copiedStrings = new(SymbolEqualityComparer.Default);

    /// <summary>Notes the pointer and length a span variable is in C.</summary>
    public void Add(ISymbol variable, SpanValue span) => spans[variable] = span;

    /// <summary>The span a variable holds, or null if it is no span variable.</summary>
    public SpanValue? Of(ISymbol variable) => spans.TryGetValue(variable, out SpanValue? value) ? value : null;

    /// <summary>Notes a buffer copyinstr(9) fills before any read: it is never zero-filled, and is printed with a plain <c>%s</c>.</summary>
    public void AddCopiedString(ISymbol buffer) => copiedStrings.Add(buffer);

    public bool IsCopiedString(ISymbol buffer) => copiedStrings.Contains(buffer);
}
