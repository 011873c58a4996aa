using KmodSharp.Bench.Analyzers;

// Benchmarks that print figures (never timed unit tests). Each suite is one entry here and one folder;
// rerun with: dotnet run -c Release --project bench/KmodSharp.Bench -- <suite> [arguments]
var suites = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    ["analyzers"] = AnalyzerBench.Run,
};

if (args.Length == 0 || !suites.TryGetValue(args[0], out Func<string[], int>? suite))
{
    Console.Error.WriteLine("usage: KmodSharp.Bench <suite> [arguments]; suites: " + string.Join(", ", suites.Keys));
    return 2;
}

return suite(args[1..]);
