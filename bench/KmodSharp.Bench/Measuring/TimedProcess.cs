using System.Globalization;
using KmodSharp.Compiler.Tools.Simulation;

namespace KmodSharp.Bench.Measuring;

/// <summary>Wall time and peak resident memory of one child process, from GNU time(1).</summary>
internal sealed record ProcessCost(double Seconds, double PeakMebibytes);

internal static class TimedProcess
{
    /// <summary>Runs <paramref name="file"/> under <c>/usr/bin/time</c>; a failing run is an error (the figures would be meaningless).</summary>
    public static ProcessCost Run(string file, IEnumerable<string> arguments)
    {
        string report = Path.GetTempFileName();
        try
        {
            ProcessOutcome outcome = ProcessRunner.Run("/usr/bin/time", ["-f", "%e %M", "-o", report, file, .. arguments], timeout: TimeSpan.FromMinutes(20));
            if (outcome.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} {string.Join(' ', arguments.Take(4))}… failed ({outcome.ExitCode}):\n{outcome.Stdout}\n{outcome.Stderr}");
            }

            string[] fields = File.ReadAllLines(report).Last().Split(' ');
            return new ProcessCost(double.Parse(fields[0], CultureInfo.InvariantCulture), double.Parse(fields[1], CultureInfo.InvariantCulture) / 1024);
        }
        finally
        {
            File.Delete(report);
        }
    }

    /// <summary>The median of <paramref name="runs"/> runs (time and memory each).</summary>
    public static ProcessCost Median(int runs, Func<ProcessCost> run) => MedianOf([.. Enumerable.Range(0, runs).Select(_ => run())]);

    /// <summary>
    /// The medians of two programs run in turns (a, b, a, b, …): a shared machine's speed drifts
    /// by a quarter within minutes, and taking turns lets both see the same drift.
    /// </summary>
    public static (ProcessCost A, ProcessCost B) MediansInTurn(int runs, Func<ProcessCost> a, Func<ProcessCost> b)
    {
        var (ofA, ofB) = (new List<ProcessCost>(), new List<ProcessCost>());
        for (int i = 0; i < runs; i++)
        {
            ofA.Add(a());
            ofB.Add(b());
        }

        return (MedianOf(ofA), MedianOf(ofB));
    }

    private static ProcessCost MedianOf(IReadOnlyList<ProcessCost> costs) => new(
        costs.Select(c => c.Seconds).Order().ElementAt(costs.Count / 2),
        costs.Select(c => c.PeakMebibytes).Order().ElementAt(costs.Count / 2));
}
