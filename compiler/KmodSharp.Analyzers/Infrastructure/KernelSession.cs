using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Infrastructure;

/// <summary>
/// One analyzer's state for one compilation: the call graph between source methods, and the
/// diagnostics found in code whose kernel-ness is only known once the graph is complete.
/// </summary>
/// <remarks>
/// Code in a <c>[KernelModule]</c> class is reported at once, so the IDE shows it while typing.
/// Code anywhere else (a <c>[KernelHelper]</c> class, or a plain method a handler calls) is reported
/// at compilation end with the call chain from the syscall (<c>mysyscall → Parse → Helper</c>),
/// and only if kernel code reaches it.
/// </remarks>
internal sealed class KernelSession
{
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<CallSite>> edges = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentQueue<Pending> pending = new();
    private Dictionary<IMethodSymbol, IMethodSymbol?>? reachability;

    public KernelSession(KernelScope scope) => Scope = scope;

    public KernelScope Scope { get; }

    public KnownTypes Types => Scope.Types;

    /// <summary>Records the calls <paramref name="owner"/>'s body makes to source methods (walked once per compilation, see <see cref="MethodCalls"/>).</summary>
    public void AddBody(ISymbol owner, ImmutableArray<IOperation> blocks)
    {
        if (owner is not IMethodSymbol method)
        {
            return;
        }

        foreach (KeyValuePair<IMethodSymbol, ImmutableArray<CallSite>> calls in Scope.Calls.Of(method.OriginalDefinition, blocks))
        {
            edges[calls.Key.OriginalDefinition] = calls.Value;
        }
    }

    /// <summary>
    /// The local function whose body holds <paramref name="operation"/>, or null in the method's own body:
    /// a local function is a C function of its own, so its calls and recursion are its own.
    /// </summary>
    public static IMethodSymbol? CallerOf(IOperation operation)
    {
        for (IOperation? parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ILocalFunctionOperation local)
            {
                return local.Symbol;
            }
        }

        return null;
    }

    public static bool IsSource(IMethodSymbol method)
    {
        foreach (Location location in method.OriginalDefinition.Locations)
        {
            if (location.IsInSource)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>KMS0900 for what a shared <see cref="Subset"/> predicate found in the body being analysed.</summary>
    public void Report(OperationAnalysisContext context, Subset.Untranslatable construct) =>
        Report(context.ContainingSymbol, context.ReportDiagnostic, DiagnosticDescriptors.UnsupportedConstruct, construct.Location, construct.Description);

    /// <summary>
    /// Reports a diagnostic found in <paramref name="owner"/>'s body. The message gets the chain as its
    /// last argument (empty when reported at once).
    /// </summary>
    public void Report(ISymbol owner, Action<Diagnostic> reportNow, DiagnosticDescriptor descriptor, Location location, params object[] arguments)
    {
        if (IsInAttribute(location))
        {
            return;
        }

        if (Scope.IsModuleType(owner as INamedTypeSymbol ?? owner.ContainingType))
        {
            reportNow(Diagnostic.Create(descriptor, location, WithChain(arguments, "")));
        }
        else if (owner is IMethodSymbol method)
        {
            pending.Enqueue(new Pending(method.OriginalDefinition, descriptor, location, arguments));
        }
        else if (Scope.IsKernelCode(owner))
        {
            reportNow(Diagnostic.Create(descriptor, location, WithChain(arguments, "")));
        }
    }

    // Attribute arguments are metadata, not kernel code (operations inside them belong to the attributed symbol).
    private static bool IsInAttribute(Location location)
    {
        if (location.SourceTree is not { } tree)
        {
            return false;
        }

        SyntaxNode node = tree.GetRoot().FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        return node.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.AttributeListSyntax>() is not null;
    }

    /// <summary>Call at compilation end: reports the pending diagnostics of reachable code with their chains.</summary>
    public void ReportPending(CompilationAnalysisContext context)
    {
        if (pending.IsEmpty)
        {
            return;
        }

        Dictionary<IMethodSymbol, IMethodSymbol?> parents = ComputeReachability();
        foreach (Pending item in pending)
        {
            if (!parents.TryGetValue(item.Method, out _))
            {
                continue;
            }

            string chain = Chain(parents, item.Method);
            context.ReportDiagnostic(Diagnostic.Create(item.Descriptor, item.Location, WithChain(item.Arguments, chain.Length == 0 ? "" : " (reached from " + chain + ")")));
        }
    }

    /// <summary>
    /// Every method kernel code reaches, with the caller it was first reached from (null for roots).
    /// Entry points come first so chains start at a syscall or module hook whenever one reaches the method.
    /// Call at compilation end only (the graph must be complete); computed once.
    /// </summary>
    public Dictionary<IMethodSymbol, IMethodSymbol?> ComputeReachability() => reachability ??= Reachability();

    private Dictionary<IMethodSymbol, IMethodSymbol?> Reachability()
    {
        var parents = new Dictionary<IMethodSymbol, IMethodSymbol?>(SymbolEqualityComparer.Default);
        var queue = new Queue<IMethodSymbol>();
        var kernelMethods = new List<IMethodSymbol>();
        foreach (IMethodSymbol method in AllMethods())
        {
            if (!Scope.IsKernelCode(method))
            {
                continue;
            }

            kernelMethods.Add(method);
            if (Scope.GetEntryKind(method) != EntryKind.None)
            {
                parents[method] = null;
                queue.Enqueue(method);
            }
        }

        Walk(parents, queue);
        foreach (IMethodSymbol method in kernelMethods)
        {
            if (!parents.ContainsKey(method))
            {
                parents[method] = null;
                queue.Enqueue(method);
                Walk(parents, queue);
            }
        }

        // Helper methods nothing calls, and that have no body of interest, are still kernel code.
        foreach (Pending item in pending)
        {
            if (!parents.ContainsKey(item.Method) && Scope.IsKernelCode(item.Method))
            {
                parents[item.Method] = null;
            }
        }

        return parents;
    }

    /// <summary>The calls made by <paramref name="method"/>'s body.</summary>
    public ImmutableArray<CallSite> CallsFrom(IMethodSymbol method) =>
        edges.TryGetValue(method, out ImmutableArray<CallSite> sites) ? sites : ImmutableArray<CallSite>.Empty;

    public IEnumerable<IMethodSymbol> AllMethods() => edges.Keys;

    public string Chain(Dictionary<IMethodSymbol, IMethodSymbol?> parents, IMethodSymbol method)
    {
        var names = new List<string>();
        for (IMethodSymbol? current = method; current is not null && names.Count < 32; current = parents.TryGetValue(current, out IMethodSymbol? p) ? p : null)
        {
            names.Add(Scope.DisplayName(current));
        }

        if (names.Count < 2)
        {
            return "";
        }

        names.Reverse();
        return string.Join(" → ", names);
    }

    private void Walk(Dictionary<IMethodSymbol, IMethodSymbol?> parents, Queue<IMethodSymbol> queue)
    {
        while (queue.Count > 0)
        {
            IMethodSymbol caller = queue.Dequeue();
            foreach (CallSite call in CallsFrom(caller))
            {
                if (!parents.ContainsKey(call.Callee))
                {
                    parents[call.Callee] = caller;
                    queue.Enqueue(call.Callee);
                }
            }
        }
    }

    private static object[] WithChain(object[] arguments, string chain)
    {
        var all = new object[arguments.Length + 1];
        Array.Copy(arguments, all, arguments.Length);
        all[arguments.Length] = chain;
        return all;
    }

    internal readonly struct CallSite
    {
        public CallSite(IMethodSymbol callee, Location location)
        {
            Callee = callee;
            Location = location;
        }

        public IMethodSymbol Callee { get; }

        public Location Location { get; }
    }

    private sealed class Pending
    {
        public Pending(IMethodSymbol method, DiagnosticDescriptor descriptor, Location location, object[] arguments)
        {
            Method = method;
            Descriptor = descriptor;
            Location = location;
            Arguments = arguments;
        }

        public IMethodSymbol Method { get; }

        public DiagnosticDescriptor Descriptor { get; }

        public Location Location { get; }

        public object[] Arguments { get; }
    }
}
