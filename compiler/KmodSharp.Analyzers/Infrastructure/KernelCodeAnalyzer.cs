using Microsoft.CodeAnalysis.Diagnostics;

namespace KmodSharp.Analyzers.Infrastructure;

/// <summary>
/// The base of rules that check method bodies: it takes the compilation's shared <see cref="KernelScope"/>,
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
            if (KernelScope.For(start.Compilation) is not { } scope)
            {
                return;
            }

            var session = new KernelSession(scope);
            start.RegisterOperationBlockAction(c => session.AddBody(c.OwningSymbol, c.OperationBlocks));
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
