using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KmodSharp.Packaging.Tests.Support;
using Xunit;

namespace KmodSharp.Packaging.Tests;

/// <summary>
/// The build step of the KmodSharp.Runtime package (buildTransitive/KmodSharp.Runtime.targets) in
/// real <c>dotnet build</c>s against the packed package (issue #13): it fails on every build while
/// the module does not translate, is skipped only while its outputs exist and are newer than its
/// inputs, passes any message text through, and hands the CLI the project's analyzer configs.
/// </summary>
[Trait("Category", "Packaging")]
[Collection(PackingCollection.Name)]
public sealed class BuildStepTests(PackedRuntimeFeed feed) : IClassFixture<PackedRuntimeFeed>
{
    private const string Skipped = "Skipping target \"KmodSharpGenerate\" because all output files are up-to-date";

    [Fact]
    public void Fails_every_build_while_the_module_does_not_translate_then_runs_only_when_needed()
    {
        // The step's failure path: the analyzers are off in CoreCompile, so the KMS0900 (a library
        // struct has no kernel type) comes from the step's own check, which must fail the build with a
        // clear error and write nothing (one engine: no error exists that only the step finds).
        string project = feed.Project("Gauge", "", ("Syscalls.cs", """
            using KmodSharp;

            namespace Gauge;

            [KernelModule("gauge")]
            public static class GaugeModule
            {
                [Syscall(Name = "gauge_read")]
                public static int Read(UserPtr<int> p)
                {
                    System.DateTime stamp = default;
                    return 0;
                }
            }
            """));
        string kmod = Path.Combine(project, "bin", "Debug", "net10.0", "kmod");
        string module = Path.Combine(kmod, "gauge");
        string error = $"{Path.Combine(project, "Syscalls.cs")}(11,25): error KMS0900:";

        // 1-2. The step fails, and fails again with nothing changed: no folder, no "Gauge -> kmod/".
        for (int attempt = 1; attempt <= 2; attempt++)
        {
            DotnetResult failed = feed.Build(project, "-p:RunAnalyzers=false");
            Assert.True(failed.ExitCode != 0, $"build {attempt} should fail:\n{failed.Output}");
            Assert.Contains(error, failed.Output);
            Assert.Contains("Gauge does not translate to a kernel module", failed.Output);
            Assert.DoesNotContain("Gauge -> " + kmod, failed.Output);
            Assert.DoesNotContain("exited with code", failed.Output);
            Assert.False(Directory.Exists(kmod), failed.Output);
        }

        // 3. Fixed: the step writes the module folder and says so.
        File.WriteAllText(Path.Combine(project, "Syscalls.cs"), File.ReadAllText(Path.Combine(project, "Syscalls.cs"))
            .Replace("System.DateTime stamp = default;", "UserPtr<int> q = p;", StringComparison.Ordinal));
        DotnetResult built = feed.Build(project);
        Assert.True(built.ExitCode == 0, built.Output);
        Assert.Contains("Gauge -> " + kmod + "/", built.Output);
        Assert.True(File.Exists(Path.Combine(module, "gauge.c")), built.Output);
        Assert.True(File.Exists(Path.Combine(module, "Makefile")), built.Output);

        // 4. Nothing changed: the step is skipped and nothing is rewritten.
        Dictionary<string, DateTime> before = Directory.GetFiles(module).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        DotnetResult again = feed.Build(project, "-v:n");
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains(Skipped, again.Output);
        Assert.Contains("Gauge -> " + kmod + "/", again.Output);
        Assert.Equal(before, Directory.GetFiles(module).ToDictionary(f => f, File.GetLastWriteTimeUtc));

        // 5. A generated file deleted: the step runs again and writes it.
        File.Delete(Path.Combine(module, "Makefile"));
        DotnetResult regenerated = feed.Build(project, "-v:n");
        Assert.True(regenerated.ExitCode == 0, regenerated.Output);
        Assert.DoesNotContain(Skipped, regenerated.Output);
        Assert.True(File.Exists(Path.Combine(module, "Makefile")), regenerated.Output);
    }

    [Fact]
    public void Any_message_text_passes_through_the_step()
    {
        // MSBuild syntax and quoting in the CLI's output (as in an AD0001 stack trace's `1 generics).
        const string Odd = "a`b $(Prop) @(Item) %(Meta) \\\"q\\\"; 'x'";
        const string OddPrinted = "a`b $(Prop) @(Item) %(Meta) \"q\"; 'x'";
        string project = feed.Project("Odd", "", ("Syscalls.cs", $$"""
            using KmodSharp;

            #warning {{OddPrinted}}

            [KernelModule("{{Odd}}")]
            public static class OddModule
            {
                [Syscall(Name = "odd_get")]
                public static int Get(int value) => value;
            }
            """));

        // The analyzers off in CoreCompile: the KMS0405 error comes from the step's own run of them.
        DotnetResult failed = feed.Build(project, "-p:RunAnalyzers=false");
        Assert.True(failed.ExitCode != 0, failed.Output);
        Assert.Contains($"error KMS0405: The module name '{OddPrinted}' is invalid", failed.Output);
        Assert.DoesNotContain("MSB4186", failed.Output);
        Assert.DoesNotContain("MSB4184", failed.Output);

        // Valid again, with the odd #warning text still printed by csc and the step: the build succeeds.
        File.WriteAllText(Path.Combine(project, "Syscalls.cs"), File.ReadAllText(Path.Combine(project, "Syscalls.cs"))
            .Replace($"[KernelModule(\"{Odd}\")]", "[KernelModule(\"odd\")]", StringComparison.Ordinal));
        DotnetResult built = feed.Build(project);
        Assert.True(built.ExitCode == 0, built.Output);
        Assert.Contains($"warning CS1030: #warning: '{OddPrinted}'", built.Output);
        Assert.DoesNotContain("MSB4186", built.Output);
        Assert.True(File.Exists(Path.Combine(project, "bin", "Debug", "net10.0", "kmod", "odd", "odd.c")), built.Output);
    }

    [Fact]
    public void A_program_with_top_level_statements_beside_its_module_builds()
    {
        string project = feed.Project("Tool", "<OutputType>Exe</OutputType><ImplicitUsings>enable</ImplicitUsings>",
            ("Program.cs", """
                string first = args.Length > 0 ? args[0] : "none";
                Console.WriteLine($"{first} {Tool.ToolModule.Double(21)}");
                """),
            ("Syscalls.cs", """
                using KmodSharp;

                namespace Tool;

                [KernelModule("tool")]
                public static class ToolModule
                {
                    [Syscall(Name = "tool_double")]
                    public static int Double(int value) => value * 2;
                }
                """));

        DotnetResult built = feed.Build(project);
        Assert.True(built.ExitCode == 0, built.Output);
        Assert.DoesNotContain("AD0001", built.Output);
        Assert.DoesNotContain("MSB4186", built.Output);
        Assert.True(File.Exists(Path.Combine(project, "bin", "Debug", "net10.0", "kmod", "tool", "tool.c")), built.Output);
    }

    [Fact]
    public void A_project_that_only_references_a_module_project_has_no_step_of_its_own()
    {
        string module = feed.Project("Meter", "", ("Syscalls.cs", """
            using KmodSharp;

            namespace Meter;

            [KernelModule("meter")]
            public static class MeterModule
            {
                [Syscall(Name = "meter_double")]
                public static int Double(int value) => value * 2;
            }
            """));
        // Its tests: the package (analyzers, build step) comes through the project reference.
        string tests = Path.Combine(Path.GetDirectoryName(module)!, "Meter.Tests");
        Directory.CreateDirectory(tests);
        File.WriteAllText(Path.Combine(tests, "Meter.Tests.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../Meter/Meter.csproj" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(tests, "MeterTests.cs"), """
            public static class MeterTests
            {
                public static bool Doubles() => Meter.MeterModule.Double(21) == 42;
            }
            """);

        DotnetResult built = feed.Build(tests);
        Assert.True(built.ExitCode == 0, built.Output);
        Assert.True(File.Exists(Path.Combine(module, "bin", "Debug", "net10.0", "kmod", "meter", "meter.c")), built.Output);
        Assert.False(Directory.Exists(Path.Combine(tests, "bin", "Debug", "net10.0", "kmod")), built.Output);
        Assert.False(File.Exists(Path.Combine(tests, "obj", "Debug", "net10.0", "kmodsharp.inputs.rsp")), built.Output);
    }

    [Fact]
    public void The_step_reads_the_projects_analyzer_configs()
    {
        string project = feed.Project("Budget", "<KmodSharpStackBudget>64</KmodSharpStackBudget>",
            (".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.KMS0406.severity = error\n"),
            ("Syscalls.cs", """
                using System;
                using KmodSharp;

                [KernelModule("budget")]
                public static class BudgetModule
                {
                    [Syscall(Name = "budget_fill", Number = 600)]
                    public static int Fill(int value)
                    {
                        Span<byte> scratch = stackalloc byte[128];
                        scratch.Fill((byte)value);
                        return scratch[0];
                    }
                }
                """));

        // Both findings from the step alone: the budget through the generated global config's
        // build_property.KmodSharpStackBudget, the severity through the project's .editorconfig.
        DotnetResult failed = feed.Build(project, "-p:RunAnalyzers=false");
        Assert.True(failed.ExitCode != 0, failed.Output);
        Assert.Contains("error KMS0102", failed.Output);
        Assert.Contains("over the budget of 64 bytes", failed.Output);
        Assert.Contains("error KMS0406", failed.Output);

        string[] inputs = File.ReadAllLines(Path.Combine(project, "obj", "Debug", "net10.0", "kmodsharp.inputs.rsp"));
        Assert.Contains($"--analyzer-config \"{Path.Combine(project, ".editorconfig")}\"", inputs);
        Assert.Contains(inputs, line => line.StartsWith("--analyzer-config", StringComparison.Ordinal) && line.EndsWith(".GeneratedMSBuildEditorConfig.editorconfig\"", StringComparison.Ordinal));

        // Relaxed: the step passes.
        File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.KMS0406.severity = none\n");
        DotnetResult built = feed.Build(project, "-p:RunAnalyzers=false", "-p:KmodSharpStackBudget=4096");
        Assert.True(built.ExitCode == 0, built.Output);
        Assert.True(File.Exists(Path.Combine(project, "bin", "Debug", "net10.0", "kmod", "budget", "budget.c")), built.Output);
        Assert.Contains(Skipped, feed.Build(project, "-p:RunAnalyzers=false", "-p:KmodSharpStackBudget=4096", "-v:n").Output);

        // An .editorconfig is an input: a budget set in it alone makes the step run, and fail.
        File.AppendAllText(Path.Combine(project, ".editorconfig"), "kmodsharp.stack_budget = 100\n");
        DotnetResult tightened = feed.Build(project, "-p:RunAnalyzers=false", "-p:KmodSharpStackBudget=4096", "-v:n");
        Assert.True(tightened.ExitCode != 0, tightened.Output);
        Assert.DoesNotContain(Skipped, tightened.Output);
        Assert.Contains("over the budget of 100 bytes", tightened.Output);
    }

    [Fact]
    public void Two_checkouts_build_the_same_module_folder_and_PathMap_names_the_sources_as_csc_does()
    {
        string first = feed.Project("Gauge", "", ("Syscalls.cs", """
            using KmodSharp;

            namespace Gauge;

            [KernelModule("gauge")]
            public static class GaugeModule
            {
                [Syscall(Name = "gauge_scale")]
                public static int Scale(int value, int factor)
                {
                    int scaled = Helpers.Clamp(value) * factor;
                    return scaled;
                }
            }
            """), ("Helpers.cs", """
            using KmodSharp;

            namespace Gauge;

            [KernelHelper]
            public static class Helpers
            {
                public static int Clamp(int value) => value > 1000 ? 1000 : value;
            }
            """));

        // The same project checked out deeper, under a longer name.
        string second = Path.Combine(feed.Root, "a-second-and-much-longer-checkout", "src", "Gauge");
        Directory.CreateDirectory(second);
        foreach (string file in Directory.GetFiles(first))
        {
            File.Copy(file, Path.Combine(second, Path.GetFileName(file)));
        }

        foreach (string project in new[] { first, second })
        {
            DotnetResult built = feed.Build(project);
            Assert.True(built.ExitCode == 0, built.Output);
        }

        string Module(string project) => Path.Combine(project, "bin", "Debug", "net10.0", "kmod", "gauge");
        string[] files = [.. Directory.GetFiles(Module(first)).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.Equal(files, Directory.GetFiles(Module(second)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("gauge.c", files);
        foreach (string file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(Module(first), file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(Module(second), file))), $"{file} differs between the checkouts");
        }

        // The #line names resolve from the module folder, where make runs, to both C# files.
        string[] named = LineDirectiveFiles(Path.Combine(Module(first), "gauge.c"));
        Assert.Equal(["../../../../../Helpers.cs", "../../../../../Syscalls.cs"], named);
        Assert.All(named, name => Assert.True(File.Exists(Path.Combine(Module(first), name)), name));

        // A CI build's PathMap (ContinuousIntegrationBuild sets it from the source roots) applies to #line as to csc's PDB; the step runs again.
        DotnetResult mapped = feed.Build(first, $"-p:PathMap={first}=/_/");
        Assert.True(mapped.ExitCode == 0, mapped.Output);
        Assert.Equal(["/_/Helpers.cs", "/_/Syscalls.cs"], LineDirectiveFiles(Path.Combine(Module(first), "gauge.c")));
    }

    // The C# files a generated C file's #line directives name (not the C file itself).
    private static string[] LineDirectiveFiles(string cFile) =>
        [.. File.ReadAllLines(cFile)
            .Where(line => line.StartsWith("#line ", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf('"', StringComparison.Ordinal) + 1)..line.LastIndexOf('"')])
            .Where(name => name.EndsWith(".cs", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)];
}
