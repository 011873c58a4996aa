using System.Collections.Generic;
using System.Linq;

namespace KmodSharp.Differential.Generator.Generation;

/// <summary>
/// An integer storage location reachable from a variable: the variable itself, a (nested) struct
/// field, or an element of a span or inline array. <see cref="Template"/> holds <c>@</c> where
/// the element index goes, and <see cref="Length"/> is then the number of elements.
/// </summary>
public sealed record Place(string Template, IntegerKind Kind, bool Writable, int Length = 0)
{
    public bool Indexed => Length > 0;

    /// <summary>Every integer place under <paramref name="variable"/>.</summary>
    public static IEnumerable<Place> Of(Variable variable) => Expand(variable.Name, variable.Type, variable.Writable);

    private static IEnumerable<Place> Expand(string text, GenType type, bool writable) => type switch
    {
        IntegerKind kind => [new Place(text, kind, writable)],
        StructType s => s.Fields.SelectMany(f => Expand(text + "." + f.Name, f.Type, writable)),
        InlineArrayType a => [new Place(text + "[@]", a.Element, writable, a.Length)],
        // A span's elements are writable even when the span variable itself is not (a foreach over it, an in parameter).
        SpanType s => [new Place(text + "[@]", s.Element, true, s.Length)],
        _ => [],
    };
}
