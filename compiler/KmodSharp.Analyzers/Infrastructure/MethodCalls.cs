using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Infrastructure;

/// <summary>
/// The calls each method body makes to source methods, in source order, shared by every analyzer of a
/// compilation: the first analyzer to see a body walks it, the others reuse the result.
/// </summary>
internal sealed class MethodCalls
{
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<KernelSession.CallSite>> calls = new(SymbolEqualityComparer.Default);

    /// <summary>The calls in <paramref name="method"/>'s operation blocks (computed on first use).</summary>
    public ImmutableArray<KernelSession.CallSite> Of(IMethodSymbol method, ImmutableArray<IOperation> blocks)
    {
        // Two analyzers racing on one body both walk it; the results are equal and one is kept.
        return calls.TryGetValue(method, out var known) ? known : calls.GetOrAdd(method, Compute(blocks));
    }

    private static ImmutableArray<KernelSession.CallSite> Compute(ImmutableArray<IOperation> blocks)
    {
        ImmutableArray<KernelSession.CallSite>.Builder? sites = null;
        foreach (IOperation block in blocks)
        {
            foreach (IOperation operation in block.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation invocation && KernelSession.IsSource(invocation.TargetMethod))
                {
                    sites ??= ImmutableArray.CreateBuilder<KernelSession.CallSite>();
                    sites.Add(new KernelSession.CallSite(invocation.TargetMethod.OriginalDefinition, invocation.Syntax.GetLocation()));
                }
            }
        }

        return sites?.ToImmutable() ?? ImmutableArray<KernelSession.CallSite>.Empty;
    }
}
