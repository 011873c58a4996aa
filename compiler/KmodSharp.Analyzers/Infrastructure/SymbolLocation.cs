using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers.Infrastructure;

/// <summary>
/// Where to report a diagnostic about a symbol. Implicitly declared symbols may have no location at
/// all — <c>&lt;Main&gt;$</c>'s <c>args</c>, a record's or a delegate's synthesized members — so a
/// rule never indexes <c>Locations</c>: it asks here.
/// </summary>
internal static class SymbolLocation
{
    /// <summary>The first source location of <paramref name="symbol"/>, else of the nearest symbol containing it, else <see cref="Location.None"/>.</summary>
    public static Location Of(ISymbol? symbol)
    {
        for (ISymbol? current = symbol; current is not null; current = current.ContainingSymbol)
        {
            foreach (Location location in current.Locations)
            {
                if (location.IsInSource)
                {
                    return location;
                }
            }
        }

        return Location.None;
    }
}
