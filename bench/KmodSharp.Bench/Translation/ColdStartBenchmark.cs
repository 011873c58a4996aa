using KmodSharp.Bench.CodeGen;
using KmodSharp.Bench.Measuring;
using KmodSharp.Bench.Reporting;

namespace KmodSharp.Bench.Translation;

/// <summary>
/// <c>kmodsharp check examples/MySyscall</c> from a cold process (target: 1.0 s), beside a cold
/// csc of the same file and <c>dotnet</c> running a hello-world: what the runtime and Roslyn cost
/// before KmodSharp does anything.
/// </summary>
internal static class ColdStartBenchmark
{
    private const int Runs = 5;
    private const double TargetSeconds = 1.0;

    public static void Run()
    {
        string directory = Directory.CreateTempSubdirectory("kmodsharp-bench-startup-").FullName;
        try
        {
            string example = RepositoryPaths.Example("MySyscall");
            string[] sources = Directory.GetFiles(example, "*.cs");
            ProcessCost check = TimedProcess.Median(Runs, () => TimedProcess.Run(Toolchain.Dotnet, ["exec", Toolchain.Cli, "check", example]));
            ProcessCost csc = TimedProcess.Median(Runs, () => TimedProcess.Run(Toolchain.Dotnet, Toolchain.CscArguments(sources, Path.Combine(directory, "mysyscall.dll"))));
            string hello = HelloWorld(directory);
            ProcessCost dotnet = TimedProcess.Median(Runs, () => TimedProcess.Run(Toolchain.Dotnet, ["exec", hello]));
            ResultTable.Print($"Cold start (median of {Runs} processes)", "reference", [
                new ResultRow("`kmodsharp check examples/MySyscall` vs csc of the same file", check.Seconds, csc.Seconds, " s", $"ours ≤ {TargetSeconds:F1} s", check.Seconds <= TargetSeconds),
                new ResultRow("csc of the same file vs `dotnet hello.dll`", csc.Seconds, dotnet.Seconds, " s", "(reference)", true),
                new ResultRow("`kmodsharp check` vs `dotnet hello.dll`", check.Seconds, dotnet.Seconds, " s", "(reference)", true),
            ]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string HelloWorld(string directory)
    {
        string source = Path.Combine(directory, "hello.cs");
        File.WriteAllText(source, "System.Console.WriteLine(\"hello\");\n");
        string output = Path.Combine(directory, "hello.dll");
        string[] arguments = [.. Toolchain.CscArguments([source], output).Select(a => a == "-t:library" ? "-t:exe" : a)];
        TimedProcess.Run(Toolchain.Dotnet, arguments);
        string version = Path.GetFileName(Directory.GetDirectories(Path.Combine(Toolchain.DotnetRoot, "shared", "Microsoft.NETCore.App")).Order().Last());
        File.WriteAllText(Path.Combine(directory, "hello.runtimeconfig.json"),
            "{\"runtimeOptions\":{\"tfm\":\"net10.0\",\"framework\":{\"name\":\"Microsoft.NETCore.App\",\"version\":\"" + version + "\"}}}");
        return output;
    }
}
