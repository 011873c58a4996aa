using System.IO;
using KmodSharp.Cli;
using KmodSharp.Packaging.Tests.Support;
using Xunit;

namespace KmodSharp.Packaging.Tests;

/// <summary>
/// What the build step hands the CLI in its response file: exactly the Compile items, the
/// references and the analyzer configs the compiler saw (so an MSBuild property such as
/// <c>KmodSharpStackBudget</c> reaches the analyzers as it does in CoreCompile).
/// </summary>
public sealed class ResponseFileInputTests
{
    private static readonly string Source = Path.Combine(Repository.Example("CustomSyscall"), "CustomSyscall.cs");

    [Fact]
    public void The_stack_budget_of_the_builds_global_config_reaches_the_analyzers()
    {
        using var temp = new TempDirectory("kmodsharp-rsp");
        string config = temp.Combine("Generated.editorconfig");
        File.WriteAllText(config, "is_global = true\nbuild_property.KmodSharpStackBudget = 64\n");
        string rsp = temp.Combine("inputs.rsp");
        File.WriteAllLines(rsp, [$"--analyzer-config \"{config}\"", $"\"{Source}\""]);

        var (exit, output, _) = CliPackageAndNewTests.Run("check", "@" + rsp);
        Assert.Equal(ExitCodes.Diagnostics, exit);
        Assert.Contains("error KMS0102", output);
        Assert.Contains("over the budget of 64 bytes", output);

        // The same file without the config: the default budget, no error.
        Assert.Equal(ExitCodes.Success, CliPackageAndNewTests.Run("check", Source).Exit);
    }

    [Fact]
    public void References_replace_the_default_set()
    {
        using var temp = new TempDirectory("kmodsharp-rsp");
        string runtime = typeof(KernelModuleAttribute).Assembly.Location;
        var (exit, output, _) = CliPackageAndNewTests.Run("build", Source, "-o", temp.Path, "--reference", runtime);

        // Only the runtime, no .NET reference assemblies: System.Object is missing, as in csc.
        Assert.Equal(ExitCodes.Diagnostics, exit);
        Assert.Contains("error CS0518", output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void A_missing_reference_or_config_is_bad_input()
    {
        Assert.Equal(ExitCodes.Usage, CliPackageAndNewTests.Run("check", Source, "--reference", "/nonexistent/System.Runtime.dll").Exit);
        Assert.Equal(ExitCodes.Usage, CliPackageAndNewTests.Run("check", Source, "--analyzer-config", "/nonexistent/.editorconfig").Exit);
    }
}
