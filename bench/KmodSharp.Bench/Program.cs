using System.Globalization;
using KmodSharp.Bench.Analyzers;
using KmodSharp.Bench.CodeGen;
using KmodSharp.Bench.MsBuild;
using KmodSharp.Bench.Translation;

// Benchmarks that print figures (never timed unit tests). Each suite is one entry here and one folder;
// rerun with: dotnet run -c Release --project bench/KmodSharp.Bench -- <suite> [arguments], or bench/run.sh for all.
var suites = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    ["analyzers"] = AnalyzerBench.Run,
    ["translation"] = sizes => TranslationBenchmark.Run(sizes.Length > 0 ? [.. sizes.Select(s => int.Parse(s, CultureInfo.InvariantCulture))] : [10, 100, 1000]),
    ["startup"] = _ => ColdStartBenchmark.Run(),
    ["phases"] = StartupPhases.Run,
    ["codegen"] = _ => CodeGenBenchmark.Run(),
    ["msbuild"] = MsBuildStepBenchmark.Run,
};

if (args.Length == 0 || !suites.TryGetValue(args[0], out Func<string[], int>? suite))
{
    Console.Error.WriteLine("usage: KmodSharp.Bench <suite> [arguments]; suites: " + string.Join(", ", suites.Keys));
    return 2;
}

return suite(args[1..]);
