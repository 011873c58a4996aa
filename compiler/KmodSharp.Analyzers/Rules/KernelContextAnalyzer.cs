using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using KmodSharp.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Rules;

/// <summary>
/// Kernel-context rules: KMS0300 sleeping (M_WAITOK, copyin/copyout, fetch/store, sx locks) while a
/// <c>KernelMutex</c> guard is held; KMS0301 a kernel buffer or lock guard not released by <c>using</c>;
/// KMS0304 a non-recursive lock taken again while held; KMS0305 two locks taken in opposite orders.
/// The lock rules (<see cref="LockChecks"/>) read each callee's <see cref="Flow.LockSummary"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KernelContextAnalyzer : KernelCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.SleepUnderMutex, DiagnosticDescriptors.ResourceNotReleased, DiagnosticDescriptors.RecursiveLock, DiagnosticDescriptors.LockOrderReversal);

    private readonly ConditionalWeakTable<KernelSession, LockChecks> locks = new();

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KernelSession session)
    {
        LockChecks checks = locks.GetValue(session, s => new LockChecks(s));
        context.RegisterOperationAction(
            c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                checks.Check(c, invocation);

                KnownTypes types = session.Types;
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

    /// <summary>KMS0305 needs every method's lock orders.</summary>
    private protected override void OnCompilationEnd(CompilationAnalysisContext context, KernelSession session) =>
        locks.GetValue(session, s => new LockChecks(s)).ReportOrderReversals(context);

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
