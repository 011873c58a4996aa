using System.IO;
using System.Linq;
using KmodSharp.Cli;
using KmodSharp.Compiler.Tools.Simulation;
using KmodSharp.Packaging.Tests.Support;
using Xunit;

namespace KmodSharp.Packaging.Tests;

/// <summary><c>kmodsharp package</c> and <c>kmodsharp new</c> through the CLI entry point: files, exit codes, nothing half-written.</summary>
public sealed class CliPackageAndNewTests
{
    [Fact]
    public void Package_writes_one_pkg_named_as_pkg_names_it()
    {
        using var temp = new TempDirectory("kmodsharp-cli");
        var (exit, output, _) = Run("package", Repository.Example("Counter"), "-o", temp.Path, "--freebsd-version", "1403000", "--pkg-version", "1.2");

        Assert.Equal(ExitCodes.Success, exit);
        string package = Assert.Single(Directory.GetFiles(temp.Path));
        Assert.Equal("counter-kmod-1.2.pkg", Path.GetFileName(package));
        Assert.Contains(package, output);
        PkgManifestSchema.AssertValid(PkgArchiveReader.Json(PkgArchiveReader.Entries(package)[1]));
        Assert.Equal("FreeBSD:14:*", PkgArchiveReader.Json(PkgArchiveReader.Entries(package)[0]).GetProperty("abi").GetString());
    }

    [Theory]
    [InlineData("--freebsd-version", "15")]
    [InlineData("--ko", "/etc/hostname")]
    [InlineData("--ko", "/nonexistent/counter.ko")]
    public void Bad_package_input_is_exit_2_and_writes_nothing(string option, string value)
    {
        using var temp = new TempDirectory("kmodsharp-cli");
        var (exit, _, error) = Run("package", Repository.Example("Counter"), "-o", temp.Combine("counter.pkg"), option, value);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.StartsWith("kmodsharp: ", error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void New_creates_the_template_project_whose_module_builds_and_runs_in_the_harness()
    {
        using var temp = new TempDirectory("kmodsharp-cli");
        string project = temp.Combine("Meter");
        Assert.Equal(ExitCodes.Success, Run("new", "Meter", "-o", project).Exit);

        Assert.Equal(["Meter.csproj", "Syscalls.cs"], Directory.GetFiles(project).Select(Path.GetFileName).Order());
        string csproj = File.ReadAllText(Path.Combine(project, "Meter.csproj"));
        Assert.Contains("<PackageReference Include=\"KmodSharp.Runtime\" Version=\"", csproj);
        Assert.DoesNotContain("KMODSHARP_VERSION", csproj);
        Assert.Contains("[KernelModule(\"meter\")]", File.ReadAllText(Path.Combine(project, "Syscalls.cs")));

        Assert.Equal(ExitCodes.Success, Run("build", project, "-o", temp.Combine("kmod")).Exit);
        SimulationReport report = KmodFolder.Run(temp.Combine("kmod", "meter"), new SimCall("meter_double", ["21"]));
        SimCallResult call = Assert.Single(report.Calls);
        Assert.Equal((42L, 0), (call.Retval, call.Error));
        Assert.Equal("meter: value=21", Assert.Single(report.Log));
    }

    [Theory]
    [InlineData("9lives")]
    [InlineData("my-module")]
    public void New_rejects_a_name_that_cannot_be_a_module(string name)
    {
        using var temp = new TempDirectory("kmodsharp-cli");
        Assert.Equal(ExitCodes.Usage, Run("new", name, "-o", temp.Combine("p")).Exit);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void New_does_not_overwrite_a_folder_with_files()
    {
        using var temp = new TempDirectory("kmodsharp-cli");
        File.WriteAllText(temp.Combine("keep.txt"), "mine");
        Assert.Equal(ExitCodes.Usage, Run("new", "Meter", "-o", temp.Path).Exit);
        Assert.Equal(["keep.txt"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    internal static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = Program.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
