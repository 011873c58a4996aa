using System.Collections.Generic;
using System.Collections.Immutable;
using KmodSharp.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Flow;

/// <summary>
/// The lock and sleep facts of calls and methods, over the compilation's shared caches of
/// <see cref="LockSummary"/> and <see cref="MallocFlagsFlow"/> (each method's computed once).
/// </summary>
internal sealed class LockAnalysis
{
    private readonly KnownTypes types;

    public LockAnalysis(KernelScope scope)
    {
        types = scope.Types;
        Flows = scope.Summaries<MallocFlagsFlow>((method, body, _) => MallocFlagsFlow.Compute(method, body, types), MallocFlagsFlow.Empty);
        Locks = scope.Summaries<LockSummary>((method, body, _) => Compute(method, body), LockSummary.Empty);
    }

    public SummaryCache<LockSummary> Locks { get; }

    public SummaryCache<MallocFlagsFlow> Flows { get; }

    /// <summary>What <paramref name="invocation"/>, in <paramref name="owner"/>'s body (a method or local function), does.</summary>
    public CallEffect Effect(IInvocationOperation invocation, IMethodSymbol? owner)
    {
        IMethodSymbol target = invocation.TargetMethod;
        if (LockAcquisition.Of(invocation, types) is { } acquired)
        {
            string? how = acquired.IsMutex ? null : SleepingCall.How(invocation, types);
            return new CallEffect(acquired, null, null, how, how, 0);
        }

        if (SleepingCall.AllocateFlags(invocation, types) is { } flags)
        {
            MallocFlagsValue value = MallocFlagsFlow.ValueOf(flags, Flows, owner);
            string? how = value.MayWait ? SleepingCall.AllocateWaitOk : null;
            return new CallEffect(null, null, null, how, how, value.Parameters);
        }

        if (SleepingCall.How(invocation, types) is { } sleeps)
        {
            return new CallEffect(null, null, null, sleeps, sleeps, 0);
        }

        if (!KernelSession.IsSource(target))
        {
            return default;
        }

        LockSummary summary = Locks.Of(target);
        string? leaf = summary.Sleeps;
        ulong parameters = 0;
        if (summary.FlagParameters != 0)
        {
            // The callee allocates with flags it is given: what this call passes decides.
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter is { Ordinal: < 64 } parameter && (summary.FlagParameters & (1UL << parameter.Ordinal)) != 0)
                {
                    MallocFlagsValue value = MallocFlagsFlow.ValueOf(argument.Value, Flows, owner);
                    parameters |= value.Parameters;
                    if (value.MayWait)
                    {
                        leaf ??= SleepingCall.AllocateWaitOk + " passed as its parameter '" + parameter.Name + "'";
                    }
                }
            }
        }

        string? message = leaf is null ? null : "Calling '" + target.Name + "', which reaches " + leaf + ",";
        return new CallEffect(null, target.OriginalDefinition, summary, message, leaf, parameters);
    }

    private LockSummary Compute(IMethodSymbol method, IOperation body)
    {
        List<LockTake>? takes = null;
        List<LockOrder>? orders = null;
        string? sleeps = null;
        ulong flagParameters = 0;
        var pending = new Stack<IOperation>();
        pending.Push(body);
        while (pending.Count > 0)
        {
            IOperation operation = pending.Pop();
            // Pushed last to first, so calls are visited in source order (the first sleeping call names the sleep).
            foreach (IOperation child in operation.ChildOperations.Reverse())
            {
                // A local function or lambda is a function of its own: its facts are its callers'.
                if (child is not (ILocalFunctionOperation or IAnonymousFunctionOperation))
                {
                    pending.Push(child);
                }
            }

            if (operation is not IInvocationOperation invocation)
            {
                continue;
            }

            CallEffect effect = Effect(invocation, method);
            sleeps ??= effect.SleepsLeaf;
            flagParameters |= effect.FlagParameters;
            if (effect.Acquired is null && effect.CalleeSummary is not { Takes.Length: > 0 })
            {
                continue;
            }

            List<LockAcquisition>? held = LockAcquisition.HeldAround(invocation, types);
            foreach (LockTake take in TakesOf(effect))
            {
                takes ??= new List<LockTake>();
                if (!Contains(takes, take.Lock))
                {
                    takes.Add(take);
                }

                if (held is null)
                {
                    continue;
                }

                foreach (LockAcquisition outer in held)
                {
                    if (outer.Field is not null && take.Lock.Field is not null && !outer.SameLock(take.Lock))
                    {
                        (orders ??= new List<LockOrder>()).Add(new LockOrder(outer, take.Lock, invocation.Syntax.GetLocation(), effect.Callee?.Name));
                    }
                }
            }
        }

        return takes is null && orders is null && sleeps is null && flagParameters == 0
            ? LockSummary.Empty
            : new LockSummary(takes?.ToImmutableArray() ?? ImmutableArray<LockTake>.Empty, orders?.ToImmutableArray() ?? ImmutableArray<LockOrder>.Empty, sleeps, flagParameters);
    }

    /// <summary>The locks a call takes: its own acquisition, or its callee's with the callee prefixed to their path.</summary>
    public static IEnumerable<LockTake> TakesOf(CallEffect effect)
    {
        if (effect.Acquired is { } acquired)
        {
            yield return new LockTake(acquired, "");
            yield break;
        }

        if (effect.CalleeSummary is { } summary && effect.Callee is { } callee)
        {
            foreach (LockTake take in summary.Takes)
            {
                yield return new LockTake(take.Lock, take.Via.Length == 0 ? callee.Name : callee.Name + " → " + take.Via);
            }
        }
    }

    private static bool Contains(List<LockTake> takes, LockAcquisition acquisition)
    {
        foreach (LockTake take in takes)
        {
            if (take.Lock == acquisition)
            {
                return true;
            }
        }

        return false;
    }
}
