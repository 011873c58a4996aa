using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers.Flow;

/// <summary>
/// Per-method summaries of one kind, computed once per compilation from the method's body and its
/// callees' summaries (bottom-up, on demand). A call cycle is recursion, which KMS0101 refuses: the
/// method re-entered on the cycle reads as the empty summary so the computation terminates.
/// </summary>
/// <typeparam name="T">The summary record; equal inputs give equal summaries, so racing threads agree.</typeparam>
internal sealed class SummaryCache<T>
    where T : class
{
    private readonly ConcurrentDictionary<IMethodSymbol, T> summaries = new(SymbolEqualityComparer.Default);
    // The methods whose summaries this thread is computing (symbols differ between compilations, so one set serves all).
    [ThreadStatic]
    private static HashSet<IMethodSymbol>? active;

    private readonly MethodBodies bodies;
    private readonly Func<IMethodSymbol, Microsoft.CodeAnalysis.IOperation, SummaryCache<T>, T> compute;
    private readonly T empty;

    /// <param name="bodies">Where callee bodies come from.</param>
    /// <param name="compute">The summary of a method from its body; it asks this cache for its callees'.</param>
    /// <param name="empty">The summary of a method with no source body, and of a method re-entered on a cycle.</param>
    public SummaryCache(MethodBodies bodies, Func<IMethodSymbol, Microsoft.CodeAnalysis.IOperation, SummaryCache<T>, T> compute, T empty)
    {
        this.bodies = bodies;
        this.compute = compute;
        this.empty = empty;
    }

    public T Of(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        if (summaries.TryGetValue(method, out T? known))
        {
            return known;
        }

        HashSet<IMethodSymbol> inProgress = active ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        if (bodies.Of(method) is not { } body || !inProgress.Add(method))
        {
            return empty;
        }

        try
        {
            return summaries.GetOrAdd(method, compute(method, body, this));
        }
        finally
        {
            inProgress.Remove(method);
        }
    }
}
