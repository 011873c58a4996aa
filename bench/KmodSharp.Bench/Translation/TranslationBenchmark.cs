using System.Globalization;
using KmodSharp.Bench.Measuring;
using KmodSharp.Compiler.Pipeline.Frontend;

namespace KmodSharp.Bench.Translation;

/// <summary>
/// <c>kmodsharp build</c> (Roslyn binding, the analyzers, lowering, printing, writing) against
/// the SDK's csc compiling the same sources to a DLL: the floor, since nothing binds C# faster
/// than Roslyn. Both are cold processes, run in turns, five of each; the medians of time and peak
/// memory at 10, 100 and 1,000 handlers, ten handlers a module as users write them (the kernel has
/// ten dynamic syscall slots): 1,000 handlers are 100 modules. The largest size is judged by
/// issue #19's targets, and so is its slope (linear growth: each handler past the previous size
/// costs no more, against csc's, than the whole run may).
/// </summary>
internal static class TranslationBenchmark
{
    private const double TimeTarget = 1.1;
    private const double MemoryTarget = 1.2;
    private const int Runs = 5;

    public static int Run(IReadOnlyList<int> sizes)
    {
        var rows = new List<ResultRow>();
        (int Handlers, ProcessCost Ours, ProcessCost Roslyn)? previous = null;
        foreach (int handlers in sizes)
        {
            string directory = Directory.CreateTempSubdirectory("kmodsharp-bench-translation-").FullName;
            try
            {
                string[] sources = Write(GeneratedProject.Create(handlers), directory);
                (ProcessCost ours, ProcessCost roslyn) = TimedProcess.MediansInTurn(
                    Runs,
                    () => TimedProcess.Run(Toolchain.Dotnet, ["exec", Toolchain.Cli, "build", directory, "-o", Path.Combine(directory, "kmod")]),
                    () => TimedProcess.Run(Toolchain.Dotnet, Toolchain.CscArguments(sources, Path.Combine(directory, "bench.dll"))));
                string n = handlers.ToString("N0", CultureInfo.InvariantCulture);
                bool judged = handlers == sizes.Max();
                rows.Add(Row($"{n} handlers: time", ours.Seconds, roslyn.Seconds, " s", TimeTarget, judged));
                rows.Add(Row($"{n} handlers: peak memory", ours.PeakMebibytes, roslyn.PeakMebibytes, " MiB", MemoryTarget, judged));
                rows.Add(ResultRow.Compared($"{n} handlers: time per handler (the curve)", ours.Seconds * 1000 / handlers, roslyn.Seconds * 1000 / handlers, " ms", null));

                // Linear growth: each handler past the previous size costs about the same, start-up aside.
                if (previous is { } p && handlers > p.Handlers)
                {
                    int added = handlers - p.Handlers;
                    rows.Add(Row($"{n} handlers: each handler past {p.Handlers:N0} (the slope)",
                        (ours.Seconds - p.Ours.Seconds) * 1000 / added, (roslyn.Seconds - p.Roslyn.Seconds) * 1000 / added, " ms", TimeTarget, judged));
                }

                previous = (handlers, ours, roslyn);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        Console.WriteLine("\n### Translation: `kmodsharp build` vs Roslyn alone (csc, same sources, cold processes, ten handlers a module); reference = csc\n");
        Console.Write(ResultTable.Format(rows));
        return rows.All(r => r.Pass != false) ? 0 : 1;
    }

    // The targets are for 1,000 handlers; smaller projects are shown for the curve.
    private static ResultRow Row(string measure, double ours, double reference, string unit, double target, bool judged) =>
        ResultRow.Compared(measure, ours, reference, unit, judged ? target : null);

    private static string[] Write(SourceInput input, string directory) =>
        [.. input.Files.Select(file =>
        {
            string path = Path.Combine(directory, Path.GetFileName(file.Path));
            File.WriteAllText(path, file.Text);
            return path;
        })];
}
