using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Infrastructure;

/// <summary>
/// The base of rules that check method bodies: it resolves the known types once per compilation,
/// builds the call graph, and reports findings in helpers at compilation end with their call chain.
/// </summary>
public abstract class KernelCodeAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownTypes.Create(start.Compilation) is not { } types)
            {
                return;
            }

            var session = new KernelSession(new KernelScope(types));
            start.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    session.AddCall(KernelSession.CallerOf(invocation) ?? c.ContainingSymbol, invocation.TargetMethod, invocation.Syntax.GetLocation());
                },
                OperationKind.Invocation);
            OnCompilationStart(start, session);
            start.RegisterCompilationEndAction(end =>
            {
                OnCompilationEnd(end, session);
                session.ReportPending(end);
            });
        });
    }

    private protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, KernelSession session);

    private protected virtual void OnCompilationEnd(CompilationAnalysisContext context, KernelSession session)
    {
    }
}
