using System.Globalization;
using System.Text.RegularExpressions;
using KmodSharp.Bench.CodeGen;

namespace KmodSharp.Bench.MsBuild;

/// <summary>
/// #19's target for <c>dotnet build</c>: after a one-line edit of a handler, the KmodSharp step adds at most 10 % to
/// the build's wall time. Each project (the <c>dotnet new kmod</c> template, and one module of ten handlers) is
/// restored and built once, then built in turns, each build after its own edit: with the step as shipped (its warm
/// build server), with the step cold (<c>KmodSharpBuildServer=false</c>, what every build paid before the server),
/// and without the step (<c>KmodSharpEnabled=false</c>). MSBuild's performance summary splits out the step's target.
/// </summary>
internal static partial class MsBuildStepBenchmark
{
    private const double TargetRatio = 1.10;

    public static int Run(string[] arguments)
    {
        int turns = arguments.Length > 0 ? int.Parse(arguments[0], CultureInfo.InvariantCulture) : 5;
        // KMODSHARP_BENCH_FEED=DIR:VERSION measures a package packed earlier (packing takes minutes).
        string[]? packed = Environment.GetEnvironmentVariable("KMODSHARP_BENCH_FEED")?.Split(':');
        string feed = packed?[0] ?? Directory.CreateTempSubdirectory("kmodsharp-bench-feed-").FullName;
        try
        {
            string version = packed?[1] ?? "0.1.0-bench" + Guid.NewGuid().ToString("N")[..8];
            if (packed is null)
            {
                PackedModuleProject.Pack(feed, version);
            }

            bool pass = Measure("`dotnet new kmod` (1 handler)", feed, version, turns, TemplateFiles(), "Syscalls.cs", ReturnLine(), n => $"value * {(n % 7) + 2}")
                & Measure("1 module of 10 handlers", feed, version, turns, HandlerFiles(10), null, ShiftLine(), n => $"(b << {(n % 7) + 1})");
            return pass ? 0 : 1;
        }
        finally
        {
            if (packed is null)
            {
                Directory.Delete(feed, recursive: true);
            }
        }
    }

    private static bool Measure(string name, string feed, string version, int turns, IReadOnlyList<(string Name, string Text)> files, string? editedFile, Regex line, Func<int, string> edit)
    {
        using var project = PackedModuleProject.Create(feed, version, files);
        int edits = 0;
        Build Edited(params string[] extra)
        {
            string file = editedFile ?? files[edits % files.Count].Name;
            project.Edit(file, line, edit(edits++));
            (double seconds, string output) = project.Dotnet(["build", "-nologo", "--no-restore", "-v:q", "-clp:PerformanceSummary", .. extra]);
            return new Build(seconds, TargetMilliseconds(output, "KmodSharpGenerate") / 1000, TaskMilliseconds(output, "Csc") / 1000);
        }

        _ = project.Dotnet("build", "-nologo");
        string[] cold = ["-p:KmodSharpBuildServer=false"];
        string[] off = ["-p:KmodSharpEnabled=false"];
        _ = (Edited(), Edited(), Edited(cold), Edited(off)); // the server started, then warmed by its first build
        var (withServer, withCold, without) = (new List<Build>(), new List<Build>(), new List<Build>());
        for (int i = 0; i < turns; i++)
        {
            withServer.Add(Edited());
            withCold.Add(Edited(cold));
            without.Add(Edited(off));
        }

        double on = Median(withServer, b => b.Wall), coldOn = Median(withCold, b => b.Wall), offWall = Median(without, b => b.Wall);
        double analyzers = AnalyzerSeconds(project, editedFile ?? files[0].Name, line, edit(edits++));
        ResultRow[] rows =
        [
            ResultRow.Compared("build after an edit, step on (warm server) vs off", on, offWall, " s", TargetRatio),
            ResultRow.Compared("build after an edit, step on cold (`KmodSharpBuildServer=false`) vs off", coldOn, offWall, " s", null),
            new("`KmodSharpGenerate` target, warm server / cold", ResultTable.Seconds(Median(withServer, b => b.Step)), ResultTable.Seconds(Median(withCold, b => b.Step)), null, null),
            new("csc (`Csc` task, server / cold / off)", ResultTable.Seconds(Median(withServer, b => b.Csc)), ResultTable.Seconds(Median(withCold, b => b.Csc)) + " / " + ResultTable.Seconds(Median(without, b => b.Csc)), null, null),
            new("KmodSharp analyzers inside csc (`ReportAnalyzer`)", ResultTable.Seconds(analyzers), "", null, null),
        ];
        Console.WriteLine($"\n### `dotnet build` after a one-line edit: {name} (medians of {turns}, in turns)\n");
        Console.Write(ResultTable.Format(rows));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\n(on − off) / off: warm server {ResultTable.Percent((on - offWall) / offWall)}, cold {ResultTable.Percent((coldOn - offWall) / offWall)} (target ≤ 10 %)"));
        return on / offWall <= TargetRatio;
    }

    private static double AnalyzerSeconds(PackedModuleProject project, string file, Regex line, string replacement)
    {
        project.Edit(file, line, replacement);
        (_, string output) = project.Dotnet("build", "-nologo", "--no-restore", "-v:d", "-p:ReportAnalyzer=true");
        Match match = AnalyzerLine().Match(output);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
    }

    private static IReadOnlyList<(string Name, string Text)> TemplateFiles() =>
        [("Syscalls.cs", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "templates", "KmodSharp.Templates", "content", "kmod", "Syscalls.cs")))];

    private static IReadOnlyList<(string Name, string Text)> HandlerFiles(int handlers) =>
        [.. GeneratedProject.Create(handlers).Files.Select(f => (Path.GetFileName(f.Path), f.Text))];

    private static double Median(List<Build> builds, Func<Build, double> figure) => Statistics.Median(builds.Select(figure));

    // "      812 ms  KmodSharpGenerate      1 calls" in -clp:PerformanceSummary (target and task sections alike).
    private static double TargetMilliseconds(string output, string name) => Summary(output, name, first: true);

    private static double TaskMilliseconds(string output, string name) => Summary(output, name, first: false);

    private static double Summary(string output, string name, bool first)
    {
        MatchCollection found = Regex.Matches(output, @"^\s*([0-9]+) ms\s+" + Regex.Escape(name) + @"\s+[0-9]+ calls", RegexOptions.Multiline);
        return found.Count == 0 ? 0 : double.Parse(found[first ? 0 : ^1].Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(?<=return )value \* [0-9]+")]
    private static partial Regex ReturnLine();

    [GeneratedRegex(@"\(b << [0-9]+\)")]
    private static partial Regex ShiftLine();

    // "   0.012   3   KmodSharp.Analyzers, Version=…" in the compiler's analyzer report.
    [GeneratedRegex(@"^\s*([0-9.]+)\s+<?[0-9]+\s+KmodSharp\.Analyzers, Version=", RegexOptions.Multiline)]
    private static partial Regex AnalyzerLine();

    /// <summary>One build: wall seconds, the KmodSharpGenerate target's and the Csc task's seconds.</summary>
    private sealed record Build(double Wall, double Step, double Csc);
}
