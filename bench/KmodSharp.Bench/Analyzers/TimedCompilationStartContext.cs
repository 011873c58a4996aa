using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmodSharp.Bench.Analyzers;

// Registrations go to the wrapped context (RS1012 sees none on it).
#pragma warning disable RS1012

/// <summary>The compilation-start half of <see cref="TimedAnalysisContext"/>.</summary>
internal sealed class TimedCompilationStartContext(CompilationStartAnalysisContext inner, TimedAnalyzer timer)
    : CompilationStartAnalysisContext(inner.Compilation, inner.Options, inner.CancellationToken)
{
    public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => inner.RegisterCompilationEndAction(timer.Time(action));

    public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
        inner.RegisterSymbolAction(timer.Time(action), symbolKinds);

    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
        inner.RegisterSyntaxNodeAction(timer.Time(action), syntaxKinds);

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
        inner.RegisterOperationAction(timer.Time(action), operationKinds);

    public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => inner.RegisterOperationBlockAction(timer.Time(action));

    public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw TimedAnalysisContext.Unsupported();

    public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw TimedAnalysisContext.Unsupported();

    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw TimedAnalysisContext.Unsupported();

    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw TimedAnalysisContext.Unsupported();

    public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw TimedAnalysisContext.Unsupported();

    public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => throw TimedAnalysisContext.Unsupported();
}
