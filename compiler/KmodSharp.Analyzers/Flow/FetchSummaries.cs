using System.Collections.Generic;
using System.Collections.Immutable;
using KmodSharp.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers.Flow;

/// <summary>
/// Computes <see cref="FetchSummary"/>s: one walk of the body in source order (branches are not told
/// apart: a summary says what the method may fetch on some path), through the same transfer function as
/// the flow analysis, so aliases inside the callee map back to its parameters.
/// </summary>
internal static class FetchSummaries
{
    /// <summary>The compilation's cache of fetch summaries.</summary>
    public static SummaryCache<FetchSummary> For(KernelScope scope) => scope.Summaries<FetchSummary>(Compute, FetchSummary.None);

    private static FetchSummary Compute(IMethodSymbol method, IOperation body, SummaryCache<FetchSummary> cache)
    {
        List<SummarizedFetch>? fetches = null;
        FetchWalker.Walk(body, new FetchState(), cache, (fetch, _) =>
        {
            if (Relative(method, fetch.Location) is not { } relative)
            {
                return;
            }

            bool rechecked = fetch.Callee?.Rechecked ?? RecheckedValue.Of(fetch.Site, body);
            string chain = fetch.Chain is null ? method.Name : method.Name + " → " + fetch.Chain;
            fetches ??= new List<SummarizedFetch>();
            int index = fetches.FindIndex(f => f.Parameter == relative.Parameter && f.Path == fetch.Location.Path && f.Offset == fetch.Location.Offset
                && SymbolEqualityComparer.Default.Equals(f.Captured, relative.Captured));
            if (index < 0)
            {
                fetches.Add(new SummarizedFetch(relative.Parameter, relative.Captured, fetch.Location.Path, fetch.Location.Offset, rechecked, chain));
            }
            else if (fetches[index].Rechecked && !rechecked)
            {
                // One unchecked fetch makes the location unsafe to fetch after the caller did.
                fetches[index] = new SummarizedFetch(relative.Parameter, relative.Captured, fetch.Location.Path, fetch.Location.Offset, false, chain);
            }
        });

        return fetches is null ? FetchSummary.None : new FetchSummary(fetches.ToImmutableArray());
    }

    /// <summary>What a fetched location is relative to, seen from callers: a parameter of the method, or (for a local function) a variable it captures. Null for its own locals.</summary>
    private static (int Parameter, ISymbol? Captured)? Relative(IMethodSymbol method, UserLocation location)
    {
        if (location.Root is IParameterSymbol parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method))
        {
            return (parameter.Ordinal, null);
        }

        if (method.MethodKind == MethodKind.LocalFunction && location.Root is ILocalSymbol or IParameterSymbol
            && !SymbolEqualityComparer.Default.Equals(((ISymbol)location.Root).ContainingSymbol, method))
        {
            return (-1, (ISymbol)location.Root);
        }

        return null;
    }
}
