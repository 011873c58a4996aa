using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Tools.Simulation;
using KmodSharp.Packaging.Tests.Support;
using Xunit;

namespace KmodSharp.Packaging.Tests;

/// <summary>
/// The user's journey with real tools: pack the packages to a local feed, install the template in
/// a private hive, <c>dotnet new kmod</c>, <c>dotnet build</c> against the feed, run the written
/// module in the host harness, rebuild without touching it, then break it with a KMS error.
/// The version is unique per run and the template project restores into a private packages
/// folder, so neither the user's template hive nor their NuGet cache is touched.
/// </summary>
[Collection(PackingCollection.Name)]
public sealed class TemplateBuildEndToEndTests
{
    [Fact]
    [Trait("Category", "Packaging")]
    public void Pack_new_build_run_rebuild_and_break()
    {
        using var temp = new TempDirectory("kmodsharp-e2e");
        string version = "0.1.0-e2e" + Guid.NewGuid().ToString("N")[..10];
        string feed = temp.Combine("feed");
        var repoDotnet = new DotnetProcess(new Dictionary<string, string>());

        foreach (string project in new[] { "runtime-shims/KmodSharp.Runtime", "templates/KmodSharp.Templates" })
        {
            DotnetResult packed = repoDotnet.Run(Repository.Root, "pack", project, "-c", "Release", "-o", feed, $"-p:PackageVersion={version}");
            Assert.True(packed.ExitCode == 0, packed.Output);
        }

        // The compiler the build step runs is precompiled (it starts in half the time); the API is IL.
        string runtimePackage = temp.Combine("runtime-package");
        System.IO.Compression.ZipFile.ExtractToDirectory(Path.Combine(feed, $"KmodSharp.Runtime.{version}.nupkg"), runtimePackage);
        Assert.Equal("linux-x64", ReadyToRunImage.TargetOf(Path.Combine(runtimePackage, "tools", "kmodsharp", "Microsoft.CodeAnalysis.CSharp.dll")));
        Assert.Equal("linux-x64", ReadyToRunImage.TargetOf(Path.Combine(runtimePackage, "tools", "kmodsharp", "KmodSharp.Compiler.dll")));
        Assert.Null(ReadyToRunImage.TargetOf(Path.Combine(runtimePackage, "lib", "net10.0", "KmodSharp.Runtime.dll")));

        var dotnet = new DotnetProcess(new Dictionary<string, string>
        {
            ["DOTNET_CLI_HOME"] = temp.Combine("home"),
            ["NUGET_PACKAGES"] = temp.Combine("packages"),
            ["KMODSHARP_BUILD_SERVER_DIR"] = temp.Combine("servers"), // the build step's servers, not in the user's folder
        });
        string hive = temp.Combine("hive");
        File.WriteAllText(temp.Combine("nuget.config"), LocalFeed.NuGetConfig(feed));
        DotnetResult installed = dotnet.Run(temp.Path, "new", "install", Path.Combine(feed, $"KmodSharp.Templates.{version}.nupkg"), "--debug:custom-hive", hive);
        Assert.True(installed.ExitCode == 0, installed.Output);
        DotnetResult created = dotnet.Run(temp.Path, "new", "kmod", "-n", "Gauge", "-o", temp.Combine("Gauge"), "--debug:custom-hive", hive);
        Assert.True(created.ExitCode == 0, created.Output);

        // `kmodsharp new` writes the same project.
        foreach ((string name, string text) in KmodSharp.Cli.Commands.NewCommand.Files("Gauge"))
        {
            string fromTemplate = File.ReadAllText(temp.Combine("Gauge", name)).Replace(version, "VERSION", StringComparison.Ordinal);
            Assert.Equal(text.Replace(ToolVersion(text), "VERSION", StringComparison.Ordinal).TrimEnd(), fromTemplate.TrimEnd());
        }

        // 1. The build writes the module folder after compiling; its C runs in the harness.
        DotnetResult built = dotnet.Run(temp.Path, "build", "Gauge");
        Assert.True(built.ExitCode == 0, built.Output);
        string module = temp.Combine("Gauge", "bin", "Debug", "net10.0", "kmod", "gauge");
        Assert.True(File.Exists(Path.Combine(module, "gauge.c")), built.Output);
        SimulationReport report = KmodFolder.Run(module, new SimCall("gauge_double", ["-8"]));
        Assert.Equal((-16L, 0), (Assert.Single(report.Calls).Retval, report.Calls[0].Error));

        // 2. Nothing changed: nothing is rewritten.
        Dictionary<string, DateTime> before = Directory.GetFiles(module).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        DotnetResult again = dotnet.Run(temp.Path, "build", "Gauge");
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(before, Directory.GetFiles(module).ToDictionary(f => f, File.GetLastWriteTimeUtc));

        // 3. A throw in the syscall fails the build with the KMS error at its line, from the
        //    analyzers in CoreCompile and, with them off, from the kmodsharp step itself (one
        //    error per diagnostic and one saying the module was not written; no "exited with
        //    code" noise).
        string syscalls = temp.Combine("Gauge", "Syscalls.cs");
        string[] lines = File.ReadAllLines(syscalls);
        int returnLine = Array.FindIndex(lines, l => l.Trim() == "return value * 2;");
        lines[returnLine] = "        if (value < 0) throw new System.ArgumentException(\"negative\");\n" + lines[returnLine];
        File.WriteAllLines(syscalls, lines);
        string expected = $"{syscalls}({returnLine + 1},24): error KMS0002:";

        DotnetResult broken = dotnet.Run(temp.Path, "build", "Gauge");
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains(expected, broken.Output);

        DotnetResult fromStep = dotnet.Run(temp.Path, "build", "Gauge", "-p:RunAnalyzers=false");
        Assert.NotEqual(0, fromStep.ExitCode);
        Assert.Contains(expected, fromStep.Output);
        Assert.DoesNotContain("exited with code", fromStep.Output);

        string packagedCli = Path.Combine(runtimePackage, "tools", "kmodsharp", "KmodSharp.Cli.dll");
        Assert.Equal(0, dotnet.Run(temp.Path, "exec", packagedCli, "build-server", "shutdown").ExitCode);
    }


    // The version `kmodsharp new` wrote into the PackageReference (this test assembly's CLI build).
    private static string ToolVersion(string text)
    {
        const string marker = "Include=\"KmodSharp.Runtime\" Version=\"";
        int start = text.IndexOf(marker, StringComparison.Ordinal);
        return start < 0 ? "\u0000" : text[(start + marker.Length)..text.IndexOf('"', start + marker.Length)];
    }
}
