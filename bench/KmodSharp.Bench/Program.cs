using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using KmodSharp.Analyzers;
using KmodSharp.Bench;
using KmodSharp.Compiler.Frontend;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// Analyzer cost on a generated project of N handlers (default 1,000), one handler a file so that
// each handler's analysis can be timed on its own: prints the per-handler median and the share of
// the analyzers in compile + analyze. Rerun: dotnet run -c Release --project bench/KmodSharp.Bench [N]
switch (args)
{
    case ["codegen"]:
        KmodSharp.Bench.CodeGen.CodeGenBenchmark.Run();
        return;
    case ["translation", .. var sizes]:
        KmodSharp.Bench.Translation.TranslationBenchmark.Run(sizes.Length > 0 ? [.. sizes.Select(s => int.Parse(s, CultureInfo.InvariantCulture))] : [10, 100, 1000]);
        return;
    case ["startup"]:
        KmodSharp.Bench.Translation.ColdStartBenchmark.Run();
        return;
    case ["phases"]:
        KmodSharp.Bench.Translation.StartupPhases.Run();
        return;
}

int handlers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
SourceInput input = GeneratedProject.Create(handlers);

// Warm up the JIT on a small project first.
Measure(GeneratedProject.Create(20));
Measurement result = Measure(input);

double[] perHandler = [.. result.PerFileMilliseconds.Order()];
double median = perHandler[perHandler.Length / 2];
double p90 = perHandler[(int)(perHandler.Length * 0.9)];
double share = result.AnalyzerMilliseconds / (result.AnalyzerMilliseconds + result.CompileMilliseconds);
Console.WriteLine($"| handlers | compile (ms) | analyzers (ms) | per handler median (ms) | p90 (ms) | analyzer share | diagnostics |");
Console.WriteLine($"|---|---|---|---|---|---|---|");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {handlers} | {result.CompileMilliseconds:F0} | {result.AnalyzerMilliseconds:F0} | {median:F3} | {p90:F3} | {share:P0} | {result.Diagnostics} |"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"targets: median < 1 ms ({(median < 1 ? "met" : "not met")}), share < 25% ({(share < 0.25 ? "met" : "not met")})"));

static Measurement Measure(SourceInput input)
{
    var compile = Stopwatch.StartNew();
    var compilation = CompilationFactory.Create(input);
    int errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
    compile.Stop();
    if (errors > 0)
    {
        throw new InvalidOperationException("the generated project does not compile");
    }

    var withAnalyzers = compilation.WithAnalyzers(AnalyzerCatalog.All, new CompilationWithAnalyzersOptions(
        new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
    var perFile = new List<double>();
    var analyzers = Stopwatch.StartNew();
    foreach (SyntaxTree tree in compilation.SyntaxTrees)
    {
        var file = Stopwatch.StartNew();
        SemanticModel model = compilation.GetSemanticModel(tree);
        _ = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None).GetAwaiter().GetResult();
        file.Stop();
        perFile.Add(file.Elapsed.TotalMilliseconds);
    }

    // Compilation-end rules (call graph, recursion, stack budget) run once over everything.
    ImmutableArray<Diagnostic> all = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
    analyzers.Stop();
    return new Measurement(compile.Elapsed.TotalMilliseconds, analyzers.Elapsed.TotalMilliseconds, perFile, all.Count(d => d.Severity >= DiagnosticSeverity.Warning));
}

internal sealed record Measurement(double CompileMilliseconds, double AnalyzerMilliseconds, List<double> PerFileMilliseconds, int Diagnostics);
