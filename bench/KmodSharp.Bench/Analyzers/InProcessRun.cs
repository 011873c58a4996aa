using System.Collections.Immutable;
using System.Diagnostics;
using KmodSharp.Analyzers;
using KmodSharp.Compiler.Pipeline.Frontend;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmodSharp.Bench.Analyzers;

/// <summary>What the in-process analysis of the generated project cost; each figure is the minimum over the passes.</summary>
/// <param name="CompileMilliseconds">Parse and bind everything (<c>GetDiagnostics</c>), wall time.</param>
/// <param name="AnalysisMilliseconds">The whole analysis through <see cref="CompilationWithAnalyzers"/>, wall time: the driver's own binding of every body plus the callbacks.</param>
/// <param name="PerHandler">Time in the KmodSharp callbacks while analysing each handler's file.</param>
/// <param name="EndMilliseconds">Time in the compilation-end actions (call graph, recursion, stack budget, duplicates).</param>
/// <param name="ByAnalyzer">Time in each analyzer's callbacks over a whole pass, and how many ran.</param>
/// <param name="Diagnostics">Warnings and errors found (the generated project is clean: 0).</param>
/// <param name="Passes">How many passes the minimums are taken over.</param>
internal sealed record InProcessResult(
    double CompileMilliseconds,
    double AnalysisMilliseconds,
    ImmutableArray<double> PerHandler,
    double EndMilliseconds,
    ImmutableArray<(string Analyzer, double Milliseconds, long Callbacks)> ByAnalyzer,
    int Diagnostics,
    int Passes)
{
    public double CallbackMilliseconds => ByAnalyzer.Sum(a => a.Milliseconds);
}

/// <summary>
/// Analyses the generated project the way the IDE does, file by file, then finishes the compilation-end
/// rules; every analyzer is wrapped in a <see cref="TimedAnalyzer"/>, so its own time is known per file.
/// Each pass starts from a fresh <see cref="CompilationWithAnalyzers"/> (which rebinds everything), and each
/// figure keeps its minimum over the passes: time lost to other processes only ever adds, so the minimum
/// is the closest to the analyzers' own cost on a shared machine.
/// </summary>
internal static class InProcessRun
{
    public static InProcessResult Measure(SourceInput input, int passes)
    {
        var compile = Stopwatch.StartNew();
        var compilation = CompilationFactory.Create(input, nullableAnalysis: true); // as the IDE compiles it
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        compile.Stop();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("the generated project does not compile: " + errors[0]);
        }

        ImmutableArray<SyntaxTree> trees = [.. compilation.SyntaxTrees];
        double[] perHandler = [.. trees.Select(_ => double.MaxValue)];
        var byAnalyzer = new Dictionary<string, (double Milliseconds, long Callbacks)>();
        double end = double.MaxValue;
        double wallBest = double.MaxValue;
        int diagnostics = 0;
        for (int pass = 0; pass < passes; pass++)
        {
            ImmutableArray<TimedAnalyzer> timed = Timed();
            CompilationWithAnalyzers analysis = WithAnalyzers(compilation, timed);
            var wall = Stopwatch.StartNew();
            for (int i = 0; i < trees.Length; i++)
            {
                double before = Total(timed);
                _ = analysis.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(trees[i]), null, CancellationToken.None).GetAwaiter().GetResult();
                perHandler[i] = Math.Min(perHandler[i], Total(timed) - before);
            }

            double beforeEnd = Total(timed);
            ImmutableArray<Diagnostic> all = analysis.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            end = Math.Min(end, Total(timed) - beforeEnd);
            wallBest = Math.Min(wallBest, wall.Elapsed.TotalMilliseconds);
            Rethrow(all);
            diagnostics = all.Count(d => d.Severity >= DiagnosticSeverity.Warning);
            foreach (TimedAnalyzer analyzer in timed)
            {
                string name = analyzer.Inner.GetType().Name;
                byAnalyzer[name] = byAnalyzer.TryGetValue(name, out var known) && known.Milliseconds <= analyzer.Milliseconds
                    ? known
                    : (analyzer.Milliseconds, analyzer.Callbacks);
            }
        }

        return new InProcessResult(
            compile.Elapsed.TotalMilliseconds,
            wallBest,
            [.. perHandler],
            end,
            [.. byAnalyzer.Select(a => (a.Key, a.Value.Milliseconds, a.Value.Callbacks)).OrderByDescending(a => a.Milliseconds)],
            diagnostics,
            passes);
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
