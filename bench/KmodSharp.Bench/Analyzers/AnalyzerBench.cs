using System.Globalization;
using KmodSharp.Compiler.Pipeline.Frontend;

namespace KmodSharp.Bench.Analyzers;

/// <summary>
/// Issue 3's analyzer benchmark (and issue 8's IDE row): the per-handler cost of the KmodSharp analyzers,
/// their share of a warm <c>dotnet build</c> as <c>-p:ReportAnalyzer=true</c> reports it, and the cost of a
/// keystroke-sized edit. Arguments: <c>[handlers] [--passes N] [--builds N] [--edits N] [--no-build]</c>.
/// </summary>
internal static class AnalyzerBench
{
    private const double HandlerTargetMilliseconds = 1.0;
    private const double BuildShareTarget = 0.25;

    public static int Run(string[] args)
    {
        if (Options.Parse(args) is not { } options)
        {
            Console.Error.WriteLine("usage: analyzers [handlers (default 1000)] [--passes N (default 3)] [--builds N (default 3)] [--edits N (default 20)] [--no-build]");
            return 2;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"analyzers: {options.Handlers} generated handlers, load average {LoadAverage()}; in-process figures are the minimum over {options.Passes} passes"));
        SourceInput input = GeneratedProject.Create(options.Handlers);

        // Warm the JIT (Roslyn's and ours) on a small project first.
        _ = InProcessRun.Measure(GeneratedProject.Create(20), 1);
        _ = EditRun.Measure(GeneratedProject.Create(20), 3);

        InProcessResult analysis = InProcessRun.Measure(input, options.Passes);
        EditResult edit = EditRun.Measure(input, options.Edits);
        BuildResult? build = options.Build ? WarmBuild.Measure(input, options.Builds) : null;

        Console.WriteLine();
        Console.Write(ResultTable.Format(Rows(options.Handlers, analysis, edit, build)));
        Console.WriteLine();
        Console.Write(ResultTable.Format(analysis.ByAnalyzer.Select(a => new ResultRow(
            a.Analyzer, ResultTable.Milliseconds(a.Milliseconds), a.Callbacks.ToString(CultureInfo.InvariantCulture) + " callbacks", a.Milliseconds / analysis.CallbackMilliseconds, null))));
        Console.WriteLine();
        Console.WriteLine($"diagnostics on the generated project: {analysis.Diagnostics} (expected 0); load average at the end: {LoadAverage()}");
        return 0;
    }

    private static IEnumerable<ResultRow> Rows(int handlers, InProcessResult analysis, EditResult edit, BuildResult? build)
    {
        double median = Statistics.Median(analysis.PerHandler);
        double p90 = Statistics.Percentile(analysis.PerHandler, 0.9);
        yield return new ResultRow($"KmodSharp analyzers per handler, median ({handlers} handlers)", ResultTable.Milliseconds(median),
            "< " + ResultTable.Milliseconds(HandlerTargetMilliseconds), median / HandlerTargetMilliseconds, median < HandlerTargetMilliseconds);
        yield return new ResultRow("KmodSharp analyzers per handler, p90", ResultTable.Milliseconds(p90), "", null, null);
        yield return new ResultRow(
            $"KmodSharp analyzers, whole project (compilation end {ResultTable.Milliseconds(analysis.EndMilliseconds)}) vs compile",
            ResultTable.Milliseconds(analysis.CallbackMilliseconds), ResultTable.Milliseconds(analysis.CompileMilliseconds) + " compile",
            analysis.CallbackMilliseconds / analysis.CompileMilliseconds, null);
        yield return new ResultRow("in-process analysis wall (driver binding + callbacks) vs compile wall",
            ResultTable.Milliseconds(analysis.AnalysisMilliseconds), ResultTable.Milliseconds(analysis.CompileMilliseconds) + " compile",
            analysis.AnalysisMilliseconds / analysis.CompileMilliseconds, null);
        if (build is not null)
        {
            double share = build.AnalyzerSeconds / build.BuildSeconds;
            yield return new ResultRow($"warm dotnet build: KmodSharp analyzer time (ReportAnalyzer) / build wall, median of {build.Builds}",
                ResultTable.Seconds(build.AnalyzerSeconds) + " of " + ResultTable.Seconds(build.BuildSeconds),
                "< " + ResultTable.Percent(BuildShareTarget), share, share < BuildShareTarget);
            yield return new ResultRow("warm dotnet build: all analyzers (SDK's included, ReportAnalyzer)",
                ResultTable.Seconds(build.AllAnalyzersSeconds), ResultTable.Seconds(build.BuildSeconds) + " build", build.AllAnalyzersSeconds / build.BuildSeconds, null);
            yield return new ResultRow("warm dotnet build wall: with vs without KmodSharp analyzers",
                ResultTable.Seconds(build.BuildSeconds), ResultTable.Seconds(build.WithoutSeconds) + " without", build.BuildSeconds / build.WithoutSeconds, null);
        }

        yield return new ResultRow($"small edit: KmodSharp analyzers on the edited document, median of {edit.Edits}",
            ResultTable.Milliseconds(edit.AnalyzerMilliseconds), "< " + ResultTable.Milliseconds(HandlerTargetMilliseconds),
            edit.AnalyzerMilliseconds / HandlerTargetMilliseconds, edit.AnalyzerMilliseconds < HandlerTargetMilliseconds);
        yield return new ResultRow("small edit: document analyzer diagnostics wall vs the compiler's own",
            ResultTable.Milliseconds(edit.DocumentMilliseconds), ResultTable.Milliseconds(edit.CompilerMilliseconds) + " compiler",
            edit.DocumentMilliseconds / edit.CompilerMilliseconds, null);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private sealed record Options(int Handlers, int Passes, int Builds, int Edits, bool Build)
    {
        public static Options? Parse(string[] args)
        {
            var options = new Options(1000, 3, 3, 20, true);
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--no-build":
                        options = options with { Build = false };
                        break;
                    case "--passes" when i + 1 < args.Length && Positive(args[++i]) is { } passes:
                        options = options with { Passes = passes };
                        break;
                    case "--builds" when i + 1 < args.Length && Positive(args[++i]) is { } builds:
                        options = options with { Builds = builds };
                        break;
                    case "--edits" when i + 1 < args.Length && Positive(args[++i]) is { } edits:
                        options = options with { Edits = edits };
                        break;
                    default:
                        if (Positive(args[i]) is not { } handlers)
                        {
                            return null;
                        }

                        options = options with { Handlers = handlers };
                        break;
                }
            }

            return options;
        }

        private static int? Positive(string text) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : null;
    }
}
