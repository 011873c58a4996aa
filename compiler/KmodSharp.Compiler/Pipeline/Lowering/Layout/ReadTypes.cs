using System.Collections.Generic;
using KmodSharp.Compiler.Pipeline.CTree;

namespace KmodSharp.Compiler.Pipeline.Lowering.Layout;

/// <summary>
/// The C type of the element and field reads of one function, as the lowering met them, for
/// <see cref="WideStatements"/>. Expressions are compared by value: within a function a name is
/// one variable, so equal reads have equal types, and an element read whose index a later pass
/// rewrote has the type of any other element of the same array.
/// </summary>
internal sealed class ReadTypes
{
    private readonly Dictionary<CExpr, CNamedType> reads = [];
    private readonly Dictionary<CExpr, CNamedType> elements = [];

    public void Add(CExpr read, CNamedType type)
    {
        reads[read] = type;
        if (read is CIndex { Target: var array })
        {
            elements[array] = type;
        }
    }

    /// <summary>The type of an element or field read, when the lowering met it.</summary>
    public CNamedType? Of(CExpr read) =>
        reads.TryGetValue(read, out CNamedType? type) ? type
        : read is CIndex { Target: var array } && elements.TryGetValue(array, out CNamedType? element) ? element
        : null;
}
