using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using KmodSharp.Analyzers.Flow;
using KmodSharp.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Rules;

/// <summary>
/// The lock rules of one compilation: KMS0300 (sleeping under a mutex) and KMS0304 (re-taking a held
/// lock) at each call, from the callee's <see cref="LockSummary"/>, so the IDE reports them while typing;
/// KMS0305 (lock order reversal) at compilation end, over the orders every method establishes.
/// </summary>
internal sealed class LockChecks
{
    private readonly KernelSession session;
    private readonly LockAnalysis analysis;
    // The methods (and local functions) that take a lock while holding one: where the lock orders are.
    private readonly ConcurrentDictionary<IMethodSymbol, byte> ordering = new(SymbolEqualityComparer.Default);

    public LockChecks(KernelSession session)
    {
        this.session = session;
        analysis = new LockAnalysis(session.Scope);
    }

    public void Check(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        // Most calls are made with no lock held: one walk up the tree, and nothing else.
        if (LockAcquisition.HeldAround(invocation, session.Types) is not { } held)
        {
            return;
        }

        IMethodSymbol? owner = KernelSession.CallerOf(invocation) ?? context.ContainingSymbol as IMethodSymbol;
        CallEffect effect = analysis.Effect(invocation, owner);
        if (effect.Sleeps is not null && FirstMutex(held) is { } mutex)
        {
            session.Report(context.ContainingSymbol, context.ReportDiagnostic, DiagnosticDescriptors.SleepUnderMutex, invocation.Syntax.GetLocation(), effect.Sleeps, mutex.Name);
        }

        foreach (LockTake take in LockAnalysis.TakesOf(effect))
        {
            if (owner is not null)
            {
                ordering.TryAdd(owner.OriginalDefinition, 0);
            }

            foreach (LockAcquisition outer in held)
            {
                if (outer.SameLock(take.Lock) && LockSummary.Recurses(outer.Kind, take.Lock.Kind))
                {
                    ReportRecursion(context, invocation, effect, take);
                    return;
                }
            }
        }
    }

    private void ReportRecursion(OperationAnalysisContext context, IInvocationOperation invocation, CallEffect effect, LockTake take)
    {
        bool mutex = take.Lock.IsMutex;
        string verb = effect.Callee is { } callee ? "Calling '" + callee.Name + "' locks" : "Locking";
        string path = take.Via.Contains("→") ? " (" + take.Via + ")" : "";
        string consequence = mutex
            ? "an MTX_DEF mutex without MTX_RECURSE panics (\"recursed on non-recursive mutex\")"
            : "an sx lock without SX_RECURSE panics (\"recursed on non-recursive sx\", or WITNESS's \"excl->share\") or deadlocks";
        session.Report(context.ContainingSymbol, context.ReportDiagnostic, DiagnosticDescriptors.RecursiveLock, invocation.Syntax.GetLocation(),
            verb, mutex ? "mutex" : "sx lock", take.Lock.Name, path, consequence);
    }

    /// <summary>
    /// KMS0305: for two locks taken in both orders, the order seen first in the source stands and every
    /// place that takes them the other way round is reported.
    /// </summary>
    public void ReportOrderReversals(CompilationAnalysisContext context)
    {
        var all = new List<(IMethodSymbol Owner, LockOrder Order)>();
        foreach (IMethodSymbol method in ordering.Keys)
        {
            foreach (LockOrder order in analysis.Locks.Of(method).Orders)
            {
                all.Add((method, order));
            }
        }

        if (all.Count < 2)
        {
            return;
        }

        all.Sort((a, b) => Compare(a.Order.Location, b.Order.Location));
        var first = new Dictionary<(IFieldSymbol, IFieldSymbol), (IMethodSymbol Owner, LockOrder Order, int Index)>();
        for (int i = 0; i < all.Count; i++)
        {
            LockOrder order = all[i].Order;
            if (order.Held.Field is { } held && order.Taken.Field is { } taken && !first.ContainsKey((held, taken)))
            {
                first[(held, taken)] = (all[i].Owner, order, i);
            }
        }

        foreach ((IMethodSymbol owner, LockOrder order) in all)
        {
            if (order.Held.Field is not { } held || order.Taken.Field is not { } taken
                || !first.TryGetValue((taken, held), out var established) || established.Index > first[(held, taken)].Index)
            {
                continue;
            }

            FileLinePositionSpan where = established.Order.Location.GetLineSpan();
            string verb = order.Through is { } through ? "Calling '" + through + "', which takes" : "Taking";
            session.Report(owner, context.ReportDiagnostic, DiagnosticDescriptors.LockOrderReversal, order.Location,
                verb, order.Taken.Name, order.Held.Name, session.Scope.DisplayName(established.Owner),
                Path.GetFileName(where.Path) + ":" + (where.StartLinePosition.Line + 1));
        }
    }

    private static LockAcquisition? FirstMutex(List<LockAcquisition> held)
    {
        foreach (LockAcquisition lockHeld in held)
        {
            if (lockHeld.IsMutex)
            {
                return lockHeld;
            }
        }

        return null;
    }

    private static int Compare(Location a, Location b)
    {
        int byFile = string.CompareOrdinal(a.SourceTree?.FilePath, b.SourceTree?.FilePath);
        return byFile != 0 ? byFile : a.SourceSpan.Start.CompareTo(b.SourceSpan.Start);
    }
}
