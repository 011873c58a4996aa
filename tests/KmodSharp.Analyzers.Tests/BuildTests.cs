using System.Diagnostics;

namespace KmodSharp.Analyzers.Tests;

/// <summary>
/// One real <c>dotnet build</c> of a throwaway module project that loads the analyzers the way users
/// do: the error shows with file and line and fails the build, .editorconfig severities apply, and the
/// MSBuild stack budget reaches the analyzer. Slow (one build), so it is the only one; it runs in CI.
/// </summary>
public sealed class BuildTests
{
    [Fact]
    [Trait("Category", "Build")]
    public async Task DotnetBuild_ReportsKmsErrorWithFileAndLine_AndFails()
    {
        string root = MetaTests.RepoRoot;
        string dir = Path.Combine(Path.GetTempPath(), "kmodsharp-build-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "Kmod.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <Import Project="{root}compiler/KmodSharp.Analyzers/build/KmodSharp.Analyzers.props" />
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <KmodSharpStackBudget>4096</KmodSharpStackBudget>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="{root}runtime-shims/KmodSharp.Runtime/KmodSharp.Runtime.csproj" />
                    <ProjectReference Include="{root}compiler/KmodSharp.Analyzers/KmodSharp.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(dir, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.KMS0406.severity = error\n");
            File.WriteAllText(Path.Combine(dir, "Mod.cs"), """
                using System;
                using KmodSharp;

                [KernelModule("buildtest")]
                public static class BuildTest
                {
                    [Syscall(Name = "buildtest")]
                    public static int Entry(int value)
                    {
                        int[] values = new int[value];
                        Span<byte> big = stackalloc byte[2000];
                        return values.Length + big.Length;
                    }

                    [Syscall(Name = "fixed_slot", Number = 600)]
                    public static int Fixed(int value) => value;
                }
                """);

            var start = new ProcessStartInfo("dotnet", "build --disable-build-servers -nologo -clp:NoSummary -p:UseSharedCompilation=false")
            {
                WorkingDirectory = dir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
            await process.WaitForExitAsync(timeout.Token);
            string output = await stdout + await stderr;

            Assert.True(process.ExitCode != 0, "the build should fail:\n" + output);
            Assert.True(output.Contains("Mod.cs(10,24): error KMS0001", StringComparison.Ordinal), output);
            Assert.Contains("error KMS0406", output, StringComparison.Ordinal);
            Assert.DoesNotContain("KMS0102", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
