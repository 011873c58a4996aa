using System.Collections.Immutable;
using System.Diagnostics;
using KmodSharp.Analyzers;
using KmodSharp.Compiler.Frontend;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmodSharp.Bench.Analyzers;

/// <summary>What one in-process analysis of the generated project cost.</summary>
/// <param name="CompileMilliseconds">Parse and bind everything (<c>GetDiagnostics</c>), wall time.</param>
/// <param name="CompileCpuMilliseconds">The same, CPU time of the process (binding runs on several threads).</param>
/// <param name="AnalysisMilliseconds">The whole analysis through <see cref="CompilationWithAnalyzers"/>, wall time: the driver's own binding of every body plus the callbacks.</param>
/// <param name="PerHandler">CPU time of the KmodSharp callbacks while analysing each handler's file.</param>
/// <param name="EndMilliseconds">CPU time of the compilation-end actions (call graph, recursion, stack budget, duplicates).</param>
/// <param name="Diagnostics">Warnings and errors found (the generated project is clean: 0).</param>
/// <param name="ByAnalyzer">CPU time of each analyzer's callbacks over the whole run, and how many ran.</param>
internal sealed record InProcessResult(
    double CompileMilliseconds,
    double CompileCpuMilliseconds,
    double AnalysisMilliseconds,
    ImmutableArray<double> PerHandler,
    double EndMilliseconds,
    ImmutableArray<(string Analyzer, double Milliseconds, long Callbacks)> ByAnalyzer,
    int Diagnostics)
{
    public double CallbackMilliseconds => ByAnalyzer.Sum(a => a.Milliseconds);
}

/// <summary>
/// Analyses the generated project the way the IDE does, file by file, then finishes the compilation-end
/// rules; every analyzer is wrapped in a <see cref="TimedAnalyzer"/>, so its own CPU time is known per file.
/// </summary>
internal static class InProcessRun
{
    public static InProcessResult Measure(SourceInput input)
    {
        var compile = Stopwatch.StartNew();
        TimeSpan compileCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var compilation = CompilationFactory.Create(input);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        compileCpu = Process.GetCurrentProcess().TotalProcessorTime - compileCpu;
        compile.Stop();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("the generated project does not compile: " + errors[0]);
        }

        ImmutableArray<TimedAnalyzer> timed = Timed();
        CompilationWithAnalyzers analysis = WithAnalyzers(compilation, timed);
        var perHandler = ImmutableArray.CreateBuilder<double>(compilation.SyntaxTrees.Count());
        var wall = Stopwatch.StartNew();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            double before = Total(timed);
            _ = analysis.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None).GetAwaiter().GetResult();
            perHandler.Add(Total(timed) - before);
        }

        double beforeEnd = Total(timed);
        ImmutableArray<Diagnostic> all = analysis.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        double end = Total(timed) - beforeEnd;
        wall.Stop();
        Rethrow(all);
        return new InProcessResult(
            compile.Elapsed.TotalMilliseconds,
            compileCpu.TotalMilliseconds,
            wall.Elapsed.TotalMilliseconds,
            perHandler.MoveToImmutable(),
            end,
            [.. timed.Select(t => (t.Inner.GetType().Name, t.Milliseconds, t.Callbacks)).OrderByDescending(a => a.Milliseconds)],
            all.Count(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    public static ImmutableArray<TimedAnalyzer> Timed() => [.. AnalyzerCatalog.All.Select(a => new TimedAnalyzer(a))];

    public static CompilationWithAnalyzers WithAnalyzers(Compilation compilation, ImmutableArray<TimedAnalyzer> timed) =>
        compilation.WithAnalyzers(
            ImmutableArray<DiagnosticAnalyzer>.CastUp(timed),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));

    public static double Total(ImmutableArray<TimedAnalyzer> timed) => timed.Sum(t => t.Milliseconds);

    /// <summary>An analyzer that threw shows as AD0001; a bench over a crashing analyzer would measure nothing.</summary>
    public static void Rethrow(ImmutableArray<Diagnostic> diagnostics)
    {
        if (diagnostics.FirstOrDefault(d => d.Id == "AD0001") is { } crash)
        {
            throw new InvalidOperationException("an analyzer threw: " + crash.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
