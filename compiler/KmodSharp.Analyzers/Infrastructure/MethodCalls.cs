using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Infrastructure;

/// <summary>
/// The calls each method body makes to source methods, in source order, shared by every analyzer of a
/// compilation: the first analyzer to see a body walks it, the others reuse the result. A call inside a
/// local function is the local function's (it becomes a C function of its own); the method's body
/// calls the local function.
/// </summary>
internal sealed class MethodCalls
{
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableDictionary<IMethodSymbol, ImmutableArray<KernelSession.CallSite>>> calls =
        new(SymbolEqualityComparer.Default);

    /// <summary>The calls in <paramref name="method"/>'s operation blocks by caller (the method or one of its local functions), computed on first use.</summary>
    public ImmutableDictionary<IMethodSymbol, ImmutableArray<KernelSession.CallSite>> Of(IMethodSymbol method, ImmutableArray<IOperation> blocks)
    {
        // Two analyzers racing on one body both walk it; the results are equal and one is kept.
        return calls.TryGetValue(method, out var known) ? known : calls.GetOrAdd(method, Compute(method, blocks));
    }

    private static ImmutableDictionary<IMethodSymbol, ImmutableArray<KernelSession.CallSite>> Compute(IMethodSymbol method, ImmutableArray<IOperation> blocks)
    {
        Dictionary<IMethodSymbol, ImmutableArray<KernelSession.CallSite>.Builder>? sites = null;
        foreach (IOperation block in blocks)
        {
            foreach (IOperation operation in block.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation invocation && KernelSession.IsSource(invocation.TargetMethod))
                {
                    IMethodSymbol caller = KernelSession.CallerOf(invocation) ?? method;
                    sites ??= new Dictionary<IMethodSymbol, ImmutableArray<KernelSession.CallSite>.Builder>(SymbolEqualityComparer.Default);
                    if (!sites.TryGetValue(caller, out var builder))
                    {
                        sites[caller] = builder = ImmutableArray.CreateBuilder<KernelSession.CallSite>();
                    }

                    builder.Add(new KernelSession.CallSite(invocation.TargetMethod.OriginalDefinition, invocation.Syntax.GetLocation()));
                }
            }
        }

        return sites is null
            ? ImmutableDictionary<IMethodSymbol, ImmutableArray<KernelSession.CallSite>>.Empty
            : sites.ToImmutableDictionary(s => s.Key, s => s.Value.ToImmutable(), (IEqualityComparer<IMethodSymbol>)SymbolEqualityComparer.Default);
    }
}
