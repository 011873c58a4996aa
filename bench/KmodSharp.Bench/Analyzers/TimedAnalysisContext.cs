using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmodSharp.Bench.Analyzers;

/// <summary>
/// Forwards an analyzer's registrations with timed callbacks. Only the registrations KmodSharp's
/// analyzers make are supported; any other throws, so a new kind of action cannot go unmeasured.
/// </summary>
internal sealed class TimedAnalysisContext(AnalysisContext inner, TimedAnalyzer timer) : AnalysisContext
{
    public override void EnableConcurrentExecution() => inner.EnableConcurrentExecution();

    public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => inner.ConfigureGeneratedCodeAnalysis(analysisMode);

    public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
        inner.RegisterCompilationStartAction(timer.Time<CompilationStartAnalysisContext>(start => action(new TimedCompilationStartContext(start, timer))));

    public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => inner.RegisterCompilationAction(timer.Time(action));

    public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
        inner.RegisterSymbolAction(timer.Time(action), symbolKinds);

    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
        inner.RegisterSyntaxNodeAction(timer.Time(action), syntaxKinds);

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
        inner.RegisterOperationAction(timer.Time(action), operationKinds);

    public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => inner.RegisterOperationBlockAction(timer.Time(action));

    public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unsupported();

    public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported();

    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported();

    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported();

    public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw Unsupported();

    public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => throw Unsupported();

    internal static NotSupportedException Unsupported() =>
        new("the bench does not time this kind of analyzer action yet; add it to TimedAnalysisContext");
}
