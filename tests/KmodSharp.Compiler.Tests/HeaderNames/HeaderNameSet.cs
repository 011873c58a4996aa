using System.Collections.Generic;
using System.Linq;

namespace KmodSharp.Compiler.Tests.HeaderNames;

/// <summary>
/// The names headers declare, by how a C name meets them: object-like macros (rewrite any
/// identifier), typedefs (meet locals), the other ordinary identifiers (functions, function-like
/// macros, variables, enum constants) and tags. Disjoint: a name is in the first set it fits.
/// </summary>
internal sealed record HeaderNameSet(SortedSet<string> ObjectMacros, SortedSet<string> Typedefs, SortedSet<string> Identifiers, SortedSet<string> Tags)
{
    public static HeaderNameSet Of(IEnumerable<string> objectMacros, IEnumerable<string> typedefs, IEnumerable<string> identifiers, IEnumerable<string> tags)
    {
        SortedSet<string> macros = Sorted(objectMacros);
        SortedSet<string> types = Sorted(typedefs.Where(n => !macros.Contains(n)));
        return new(macros, types, Sorted(identifiers.Where(n => !macros.Contains(n) && !types.Contains(n))), Sorted(tags.Where(n => n.Length > 0)));
    }

    public HeaderNameSet Union(HeaderNameSet other) =>
        Of(ObjectMacros.Concat(other.ObjectMacros), Typedefs.Concat(other.Typedefs), Identifiers.Concat(other.Identifiers), Tags.Concat(other.Tags));

    /// <summary>Every ordinary identifier, macros and typedefs included.</summary>
    public IEnumerable<string> AllIdentifiers => ObjectMacros.Concat(Typedefs).Concat(Identifiers);

    private static SortedSet<string> Sorted(IEnumerable<string> names) => new(names, System.StringComparer.Ordinal);
}
