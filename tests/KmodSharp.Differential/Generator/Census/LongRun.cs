using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using KmodSharp.Differential.Generator.Generation;
using KmodSharp.Differential.Generator.Reduction;

namespace KmodSharp.Differential.Generator.Census;

/// <summary>
/// bench/programs.sh's run: seeds from <c>KMODSHARP_GEN_SEED</c> (default 1) for
/// <c>KMODSHARP_GEN_MINUTES</c>, with the features of <c>KMODSHARP_GEN_FEATURES</c> (<c>ci</c> or
/// <c>all</c>), or exactly the seeds of <c>KMODSHARP_GEN_SEEDS</c> (comma-separated); the first finding of each signature is reduced (for <c>KMODSHARP_GEN_REDUCE_SECONDS</c> at most, default 90). Writes the report (Markdown) to
/// <c>KMODSHARP_GEN_REPORT</c> when set.
/// </summary>
public static class LongRun
{
    public static bool Requested => Environment.GetEnvironmentVariable("KMODSHARP_GEN_MINUTES") is { Length: > 0 };

    public static void Run(Action<string> log)
    {
        double minutes = double.Parse(Environment.GetEnvironmentVariable("KMODSHARP_GEN_MINUTES")!, CultureInfo.InvariantCulture);
        int seed = int.Parse(Environment.GetEnvironmentVariable("KMODSHARP_GEN_SEED") is { Length: > 0 } s ? s : "1", CultureInfo.InvariantCulture);
        GeneratorFeatures features = Environment.GetEnvironmentVariable("KMODSHARP_GEN_FEATURES") == "all" ? GeneratorFeatures.All : GeneratorFeatures.Ci;
        int reduceSeconds = int.Parse(Environment.GetEnvironmentVariable("KMODSHARP_GEN_REDUCE_SECONDS") is { Length: > 0 } r ? r : "90", CultureInfo.InvariantCulture);
        var firstOfKind = new ConcurrentDictionary<string, Finding>();
        var campaign = new Campaign(features) { OnFinding = f => firstOfKind.TryAdd(f.Signature, f) };
        if (Environment.GetEnvironmentVariable("KMODSHARP_GEN_SEEDS") is { Length: > 0 } list)
        {
            campaign.Run(list.Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture)), Environment.ProcessorCount);
        }
        else
        {
            campaign.RunFor(TimeSpan.FromMinutes(minutes), seed, Environment.ProcessorCount);
        }

        var report = new StringBuilder();
        report.Append($"## Generated programs: seeds from {seed}, {minutes} min, features {(features == GeneratorFeatures.All ? "all" : "ci")}\n\n```\n{campaign}```\n");
        // The totals first: a reduction can take long, and the numbers must not wait for it.
        log(report.ToString());
        Write(report);
        foreach (Finding finding in firstOfKind.Values)
        {
            string text = ProgramGenerator.Generate(finding.Seed, features).Text;
            (string reduced, int calls) = FindingReducer.Reduce(finding, text, TimeSpan.FromSeconds(reduceSeconds));
            report.Append($"\n### seed {finding.Seed}: {finding.Signature}\n\nReduced ({calls} predicate runs):\n\n```csharp\n{reduced}```\n\nOutcome (original program):\n\n```\n{Truncate(finding.Detail)}\n```\n");
            log($"reduced seed {finding.Seed} ({finding.Signature})");
            Write(report);
        }

        log(report.ToString());
    }

    private static void Write(StringBuilder report)
    {
        if (Environment.GetEnvironmentVariable("KMODSHARP_GEN_REPORT") is { Length: > 0 } path)
        {
            File.WriteAllText(path, report.ToString());
        }
    }

    private static string Truncate(string text) => text.Length <= 2500 ? text : text[..2500] + "…";
}
