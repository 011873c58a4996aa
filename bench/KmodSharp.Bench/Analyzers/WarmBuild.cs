using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using KmodSharp.Compiler.Pipeline.Frontend;

namespace KmodSharp.Bench.Analyzers;

/// <summary>Medians over the warm builds.</summary>
/// <param name="Builds">How many builds of each kind.</param>
/// <param name="BuildSeconds">Wall time of <c>dotnet build</c> with the KmodSharp analyzers.</param>
/// <param name="AnalyzerSeconds">The KmodSharp analyzers' execution time that the compiler reports (<c>-p:ReportAnalyzer=true</c>).</param>
/// <param name="AllAnalyzersSeconds">"Total analyzer execution time": every analyzer of the build, the SDK's included.</param>
/// <param name="WithoutSeconds">Wall time of the same build without the KmodSharp analyzers.</param>
internal sealed record BuildResult(int Builds, double BuildSeconds, double AnalyzerSeconds, double AllAnalyzersSeconds, double WithoutSeconds);

/// <summary>
/// The generated project as a user has it — a csproj referencing the runtime and loading the analyzer
/// assembly — built with <c>dotnet build</c>: once to restore and start the compiler server, then
/// rebuilt (<c>--no-incremental</c>) with and without the analyzers, alternating.
/// </summary>
internal static partial class WarmBuild
{
    public static BuildResult Measure(SourceInput input, int builds)
    {
        string directory = Path.Combine(Path.GetTempPath(), "kmodsharp-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Write(input, directory);
        try
        {
            _ = Build(directory, "build -nologo");
            var with = new List<(double Wall, double KmodSharp, double All)>();
            var without = new List<double>();
            for (int i = 0; i < builds; i++)
            {
                (double wall, string output) = Build(directory, "build -nologo --no-restore --no-incremental -v:d -p:ReportAnalyzer=true");
                with.Add((wall, ReportedSeconds(KmodSharpLine(), output), ReportedSeconds(TotalLine(), output)));
                without.Add(Build(directory, "build -nologo --no-restore --no-incremental -v:d -p:ReportAnalyzer=true -p:KmodSharpAnalyzers=false").Seconds);
            }

            return new BuildResult(
                builds,
                Statistics.Median(with.Select(w => w.Wall)),
                Statistics.Median(with.Select(w => w.KmodSharp)),
                Statistics.Median(with.Select(w => w.All)),
                Statistics.Median(without));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Write(SourceInput input, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (SourceFile file in input.Files)
        {
            File.WriteAllText(Path.Combine(directory, Path.GetFileName(file.Path)), file.Text);
        }

        // The assemblies next to the bench are the ones it measures in-process too.
        string here = AppContext.BaseDirectory;
        File.WriteAllText(Path.Combine(directory, "Bench.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="KmodSharp.Runtime" HintPath="{Path.Combine(here, "KmodSharp.Runtime.dll")}" />
                <Analyzer Include="{Path.Combine(here, "KmodSharp.Analyzers.dll")}" Condition="'$(KmodSharpAnalyzers)' != 'false'" />
              </ItemGroup>
            </Project>
            """);
    }

    private static (double Seconds, string Output) Build(string directory, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var timer = Stopwatch.StartNew();
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        timer.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {arguments} failed ({process.ExitCode}):\n{Tail(output + error.Result)}");
        }

        return (timer.Elapsed.TotalSeconds, output);
    }

    private static double ReportedSeconds(Regex line, string output)
    {
        Match match = line.Match(output);
        if (!match.Success)
        {
            throw new InvalidOperationException($"no '{line}' in the build output:\n{Tail(output)}");
        }

        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;

    // "   12.992   69   KmodSharp.Analyzers, Version=1.0.0.0, …" in the compiler's analyzer summary.
    [GeneratedRegex(@"^\s*([0-9.]+)\s+<?[0-9]+\s+KmodSharp\.Analyzers, Version=", RegexOptions.Multiline)]
    private static partial Regex KmodSharpLine();

    [GeneratedRegex(@"Total analyzer execution time: ([0-9.]+) seconds")]
    private static partial Regex TotalLine();
}
