using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using KmodSharp.Analyzers.Infrastructure;
using KmodSharp.Analyzers.Subset;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Rules;

/// <summary>
/// Kernel-context rules: KMS0300 sleeping (M_WAITOK, copyin/copyout, fetch/store, sx locks) while a
/// <c>KernelMutex</c> guard is held; KMS0301 a kernel buffer or lock guard not released by <c>using</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KernelContextAnalyzer : KernelCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.SleepUnderMutex, DiagnosticDescriptors.ResourceNotReleased);

    // Per compilation: the first sleeping call of each method, and calls to source methods made under a mutex.
    private readonly ConditionalWeakTable<KernelSession, State> states = new();

    private sealed class State
    {
        public ConcurrentDictionary<IMethodSymbol, string> Sleeps { get; } = new(SymbolEqualityComparer.Default);

        public ConcurrentQueue<(ISymbol Owner, IMethodSymbol Callee, Location Location, string Mutex)> CallsUnderMutex { get; } = new();
    }

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KernelSession session)
    {
        State state = states.GetValue(session, _ => new State());
        context.RegisterOperationAction(
            c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                KnownTypes types = session.Types;
                string? sleeping = SleepingCall(invocation, types);
                string? mutex = HeldMutex(invocation, types);
                if (sleeping is not null && c.ContainingSymbol is IMethodSymbol sleeper)
                {
                    state.Sleeps.TryAdd(sleeper.OriginalDefinition, sleeping);
                }

                if (sleeping is not null && mutex is not null)
                {
                    session.Report(c.ContainingSymbol, c.ReportDiagnostic, DiagnosticDescriptors.SleepUnderMutex, invocation.Syntax.GetLocation(), sleeping, mutex);
                }
                else if (mutex is not null && KernelSession.IsSource(invocation.TargetMethod))
                {
                    state.CallsUnderMutex.Enqueue((c.ContainingSymbol, invocation.TargetMethod.OriginalDefinition, invocation.Syntax.GetLocation(), mutex));
                }

                ITypeSymbol returned = invocation.TargetMethod.ReturnType;
                bool buffer = KnownTypes.Is(returned, types.KernelBuffer);
                if ((buffer || KnownTypes.Is(returned, types.MutexGuard)) && !IsUsingResource(invocation))
                {
                    session.Report(c.ContainingSymbol, c.ReportDiagnostic, DiagnosticDescriptors.ResourceNotReleased, invocation.Syntax.GetLocation(),
                        buffer ? "kernel buffer" : "lock guard", invocation.TargetMethod.Name);
                }
            },
            OperationKind.Invocation);
    }

    /// <summary>A call, under a mutex, to a helper that sleeps somewhere down its call graph.</summary>
    private protected override void OnCompilationEnd(CompilationAnalysisContext context, KernelSession session)
    {
        State state = states.GetValue(session, _ => new State());
        if (state.CallsUnderMutex.IsEmpty)
        {
            return;
        }

        var sleeps = new Dictionary<IMethodSymbol, string>(state.Sleeps, SymbolEqualityComparer.Default);
        for (bool changed = true; changed;)
        {
            changed = false;
            foreach (IMethodSymbol method in session.AllMethods())
            {
                if (sleeps.ContainsKey(method))
                {
                    continue;
                }

                foreach (KernelSession.CallSite call in session.CallsFrom(method))
                {
                    if (sleeps.TryGetValue(call.Callee, out string? how))
                    {
                        sleeps[method] = how;
                        changed = true;
                        break;
                    }
                }
            }
        }

        foreach ((ISymbol owner, IMethodSymbol callee, Location location, string mutex) in state.CallsUnderMutex)
        {
            if (sleeps.TryGetValue(callee, out string? how))
            {
                session.Report(owner, context.ReportDiagnostic, DiagnosticDescriptors.SleepUnderMutex, location,
                    "Calling '" + callee.Name + "', which reaches " + how + ",", mutex);
            }
        }
    }

    /// <summary>How a call sleeps, or null when it does not.</summary>
    private static string? SleepingCall(IInvocationOperation invocation, KnownTypes types)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (RuntimeApi.Find(method) is { MaySleep: true } api)
        {
            return "'" + method.ContainingType.Name + "." + method.Name + "' (" + (api.TouchesUser ? "a page fault on user memory sleeps" : "it may sleep") + ")";
        }

        // Allocate sleeps only with M_WAITOK: a fact of its argument, not of the method.
        if (KnownTypes.Is(method.ContainingType, types.Kernel))
        {
            if (method.Name == "Allocate")
            {
                foreach (IArgumentOperation argument in invocation.Arguments)
                {
                    if (KnownTypes.Is(argument.Parameter?.Type, types.MallocFlags) && argument.Value.ConstantValue is { HasValue: true, Value: int flags } && (flags & 0x2) != 0)
                    {
                        return "'Kernel.Allocate' with MallocFlags.WaitOk (M_WAITOK)";
                    }
                }
            }
        }

        if (KnownTypes.Is(method.ContainingType, types.KernelSxLock))
        {
            return "Taking an sx lock ('" + method.Name + "')";
        }

        return null;
    }

    /// <summary>The name of a <c>KernelMutex</c> whose guard is held around <paramref name="operation"/>, or null.</summary>
    internal static string? HeldMutex(IOperation operation, KnownTypes types)
    {
        IOperation child = operation;
        for (IOperation? parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return null;
                case IUsingOperation usingOperation when !ReferenceEquals(child, usingOperation.Resources):
                    if (MutexLocked(usingOperation.Resources, types) is { } name)
                    {
                        return name;
                    }

                    break;
                case IBlockOperation block:
                    foreach (IOperation statement in block.Operations)
                    {
                        if (ReferenceEquals(statement, child))
                        {
                            break;
                        }

                        if (statement is IUsingDeclarationOperation declaration && MutexLocked(declaration.DeclarationGroup, types) is { } held)
                        {
                            return held;
                        }
                    }

                    break;
            }
        }

        return null;
    }

    private static string? MutexLocked(IOperation resources, KnownTypes types)
    {
        foreach (IOperation operation in resources.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation { TargetMethod.Name: "Lock" } invocation && KnownTypes.Is(invocation.TargetMethod.ContainingType, types.KernelMutex))
            {
                return invocation.Instance switch
                {
                    IFieldReferenceOperation field => field.Field.Name,
                    { } instance => instance.Syntax.ToString(),
                    _ => "mutex",
                };
            }
        }

        return null;
    }

    /// <summary>The value is a <c>using</c> resource, or returned to the caller (which then owns it).</summary>
    internal static bool IsUsingResource(IOperation value)
    {
        IOperation? parent = value.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IUsingOperation:
            case IReturnOperation:
                return true;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Parent: IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation group } } }:
                return group.Parent is IUsingDeclarationOperation or IUsingOperation;
            default:
                return false;
        }
    }
}
