using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using KmodSharp.Packaging.Tests.Support;
using Xunit;

namespace KmodSharp.Packaging.Tests;

/// <summary>
/// The kmodsharp tool as users get it: <c>dotnet pack</c> makes a pointer package and one
/// package per RID, each precompiled (ReadyToRun) for its own machine, plus an IL-only <c>any</c>
/// for every other platform; <c>dotnet tool install</c> picks this machine's and it runs.
/// </summary>
[Collection(PackingCollection.Name)]
public sealed class ToolPackageTests
{
    private static readonly string[] PrecompiledRids = ["linux-x64", "linux-arm64", "osx-arm64", "win-x64"];

    [Fact]
    [Trait("Category", "Packaging")]
    public void The_tool_packs_precompiled_per_platform_and_installs_the_machines_own()
    {
        using var temp = new TempDirectory("kmodsharp-tool");
        string version = "0.1.0-tool" + Guid.NewGuid().ToString("N")[..10];
        string feed = temp.Combine("feed");
        var repoDotnet = new DotnetProcess(new Dictionary<string, string>());
        DotnetResult packed = repoDotnet.Run(Repository.Root, "pack", "compiler/KmodSharp.Cli", "-c", "Release", "-o", feed, $"-p:PackageVersion={version}");
        Assert.True(packed.ExitCode == 0, packed.Output);

        Assert.Equal(
            [$"KmodSharp.Cli.{version}.nupkg", .. PrecompiledRids.Append("any").Order(StringComparer.Ordinal).Select(rid => $"KmodSharp.Cli.{rid}.{version}.nupkg")],
            Directory.GetFiles(feed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (string rid in PrecompiledRids.Append("any"))
        {
            string extracted = temp.Combine("packages", rid);
            ZipFile.ExtractToDirectory(Path.Combine(feed, $"KmodSharp.Cli.{rid}.{version}.nupkg"), extracted);
            foreach (string assembly in new[] { "Microsoft.CodeAnalysis.CSharp.dll", "KmodSharp.Compiler.dll", "KmodSharp.Cli.dll" })
            {
                string path = Path.Combine(extracted, "tools", "net10.0", rid, assembly);
                Assert.Equal(rid == "any" ? null : rid, ReadyToRunImage.TargetOf(path));
            }
        }

        // Installed the way users install it, from the feed alone, into a private tool path.
        var dotnet = new DotnetProcess(new Dictionary<string, string>
        {
            ["DOTNET_CLI_HOME"] = temp.Combine("home"),
            ["NUGET_PACKAGES"] = temp.Combine("nuget"),
        });
        File.WriteAllText(temp.Combine("nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{feed}" /></packageSources></configuration>
            """);
        string tools = temp.Combine("tools");
        DotnetResult installed = dotnet.Run(temp.Path, "tool", "install", "KmodSharp.Cli", "--version", version, "--tool-path", tools, "--configfile", temp.Combine("nuget.config"));
        Assert.True(installed.ExitCode == 0, installed.Output);

        string roslyn = Assert.Single(Directory.GetFiles(tools, "Microsoft.CodeAnalysis.CSharp.dll", SearchOption.AllDirectories));
        string machine = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        Assert.Equal(PrecompiledRids.Contains(machine) ? machine : null, ReadyToRunImage.TargetOf(roslyn));

        // A run lasts seconds: the tool turns dynamic PGO off (its instrumented re-JIT costs more than it pays back).
        string runtimeConfig = File.ReadAllText(Path.ChangeExtension(Assert.Single(Directory.GetFiles(tools, "KmodSharp.Cli.dll", SearchOption.AllDirectories)), ".runtimeconfig.json"));
        Assert.Contains("\"System.Runtime.TieredPGO\": false", runtimeConfig, System.StringComparison.Ordinal);

        var check = new System.Diagnostics.ProcessStartInfo(Path.Combine(tools, "kmodsharp"), ["check", Repository.Example("MySyscall")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(check)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
    }
}
