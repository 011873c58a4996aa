using KmodSharp.Bench.CodeGen;
using KmodSharp.Bench.Measuring;

namespace KmodSharp.Bench.Translation;

/// <summary>
/// <c>kmodsharp check examples/MySyscall</c> from a cold process (targets: 1.0 s, and no slower than
/// a cold csc of the same file, run in turns with it), beside <c>dotnet</c> running a hello-world:
/// what the runtime and Roslyn cost before KmodSharp does anything.
/// </summary>
internal static class ColdStartBenchmark
{
    private const int Runs = 5;
    private const double TargetSeconds = 1.0;
    private const double CscTarget = 1.0;

    public static int Run()
    {
        string directory = Directory.CreateTempSubdirectory("kmodsharp-bench-startup-").FullName;
        try
        {
            string example = RepositoryPaths.Example("MySyscall");
            string[] sources = Directory.GetFiles(example, "*.cs");
            (ProcessCost check, ProcessCost csc) = TimedProcess.MediansInTurn(
                Runs,
                () => TimedProcess.Run(Toolchain.Dotnet, ["exec", Toolchain.Cli, "check", example]),
                () => TimedProcess.Run(Toolchain.Dotnet, Toolchain.CscArguments(sources, Path.Combine(directory, "mysyscall.dll"))));
            ProcessCost jit = TimedProcess.Median(Runs, () => TimedProcess.Run(Toolchain.Dotnet, ["exec", Toolchain.JitCli, "check", example]));
            string hello = HelloWorld(directory);
            ProcessCost dotnet = TimedProcess.Median(Runs, () => TimedProcess.Run(Toolchain.Dotnet, ["exec", hello]));
            ResultRow[] rows =
            [
                new("`kmodsharp check examples/MySyscall`, cold process", ResultTable.Seconds(check.Seconds), "≤ 1.00 s", check.Seconds / TargetSeconds, check.Seconds <= TargetSeconds),
                ResultRow.Compared("`kmodsharp check` vs csc of the same file (in turns)", check.Seconds, csc.Seconds, " s", CscTarget),
                ResultRow.Compared("`kmodsharp check` precompiled vs JIT-compiled (a plain build)", check.Seconds, jit.Seconds, " s", null),
                ResultRow.Compared("csc of the same file vs `dotnet hello.dll`", csc.Seconds, dotnet.Seconds, " s", null),
            ];
            Console.WriteLine($"\n### Cold start (median of {Runs} processes)\n");
            Console.Write(ResultTable.Format(rows));
            return rows.All(r => r.Pass != false) ? 0 : 1;
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
