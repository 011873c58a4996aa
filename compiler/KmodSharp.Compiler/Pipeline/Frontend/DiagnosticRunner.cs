using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using KmodSharp.Analyzers;
using KmodSharp.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmodSharp.Compiler.Pipeline.Frontend;

/// <summary>What the rule set found, and the compilation it checked (the one later stages read, so nothing is bound twice).</summary>
public sealed record CheckedCompilation(ImmutableArray<KmsDiagnostic> Diagnostics, Compilation Compilation);

/// <summary>
/// Runs the C# compiler's checks and the one KmodSharp rule set (the same analyzer instances
/// the IDE loads), so code the IDE accepts is code the backend is asked to translate.
/// </summary>
public static class DiagnosticRunner
{
    public static CheckedCompilation Run(Compilation compilation, EditorConfigOptions? editorConfig = null, CancellationToken cancellationToken = default)
    {
        AnalyzerOptions options = editorConfig is null ? new AnalyzerOptions([]) : new AnalyzerOptions([], editorConfig.Provider(compilation.SyntaxTrees));
        var bodies = new BoundBodies();
        var withAnalyzers = compilation.WithAnalyzers(
            [.. AnalyzerCatalog.All, bodies],
            new CompilationWithAnalyzersOptions(
                options,
                onAnalyzerException: null,
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        ImmutableArray<Diagnostic> diagnostics = withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();

        Compilation analysed = bodies.Compilation ?? compilation;
        MethodBodies.Adopt(analysed, bodies.Models);
        return new CheckedCompilation(
            [.. diagnostics
                .Where(d => d.Severity is DiagnosticSeverity.Warning or DiagnosticSeverity.Error && !d.IsSuppressed)
                .OrderBy(d => d.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .Select(KmsDiagnostic.From)],
            analysed);
    }
}
