using System;
using System.IO;
using System.Linq;
using KmodSharp.Cli;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Compiler.Tests.Support;
using Xunit;
using static KmodSharp.Compiler.Tests.Cli.CliRun;

namespace KmodSharp.Compiler.Tests.Cli;

/// <summary>
/// Every output problem is one line naming the path and the problem, exit 2, and nothing
/// half-written; a build writes all its module folders or none.
/// </summary>
public sealed class CliOutputTests : IDisposable
{
    private readonly string temp = NewTemp();

    public void Dispose() => Delete(temp);

    private string Blocker()
    {
        string file = Path.Combine(temp, "a-file");
        File.WriteAllText(file, "not a folder");
        return file;
    }

    [Fact]
    public void Build_into_a_folder_under_a_file_names_the_file()
    {
        string blocker = Blocker();
        string output = Path.Combine(blocker, "kmod");

        (int exit, string stdout, string stderr) = Run("build", Repository.Example("MySyscall"), "-o", output);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal($"kmodsharp: cannot write to '{output}': '{blocker}' is a file, not a folder\n", stderr);
        Assert.Equal("", stdout);
        Assert.Equal("not a folder", File.ReadAllText(blocker));
    }

    [Fact]
    public void A_module_folder_path_that_is_a_file_writes_no_module_at_all()
    {
        string input = Folder(temp, "two", ("A.cs", Module("alpha")), ("B.cs", Module("beta")));
        string output = Directory.CreateDirectory(Path.Combine(temp, "out")).FullName;
        Directory.CreateDirectory(Path.Combine(output, "alpha"));
        File.WriteAllText(Path.Combine(output, "alpha", "old.c"), "the previous build");
        File.WriteAllText(Path.Combine(output, "beta"), "in the way");

        (int exit, string stdout, string stderr) = Run("build", input, "-o", output);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal($"kmodsharp: cannot write to '{Path.Combine(output, "beta")}': it is a file, not a module folder\n", stderr);
        Assert.Equal("", stdout);
        Assert.Equal(["alpha", "beta"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName).Order());
        Assert.Equal(["old.c"], Directory.EnumerateFileSystemEntries(Path.Combine(output, "alpha")).Select(Path.GetFileName));
        Assert.Equal("in the way", File.ReadAllText(Path.Combine(output, "beta")));
    }

    [Fact]
    public void A_failure_while_moving_the_modules_into_place_puts_the_previous_ones_back()
    {
        CompileResult result = KmodCompiler.Compile(
            InputLoader.Load([Folder(temp, "two", ("A.cs", Module("alpha")), ("B.cs", Module("beta")), ("C.cs", Module("gamma")))]),
            new LoweringOptions());
        string output = Directory.CreateDirectory(Path.Combine(temp, "out")).FullName;
        Directory.CreateDirectory(Path.Combine(output, "alpha"));
        File.WriteAllText(Path.Combine(output, "alpha", "old.c"), "the previous build");
        Directory.CreateDirectory(Path.Combine(output, "beta"));
        File.WriteAllText(Path.Combine(output, "beta", "old.c"), "the previous build");

        // alpha and beta are in place (beta replacing its old folder) when placing gamma fails.
        var e = Assert.Throws<OutputException>(() => ArtifactWriter.WriteAll(output, result.Modules, target =>
        {
            if (target.EndsWith("gamma", StringComparison.Ordinal))
            {
                throw new IOException("No space left on device : '" + target + "'");
            }
        }));

        Assert.Equal($"cannot write to '{Path.Combine(output, "gamma")}': no space left on device", e.Message);
        Assert.Equal(["alpha", "beta"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName).Order());
        Assert.Equal(["old.c"], Directory.EnumerateFileSystemEntries(Path.Combine(output, "alpha")).Select(Path.GetFileName));
        Assert.Equal(["old.c"], Directory.EnumerateFileSystemEntries(Path.Combine(output, "beta")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_write_removes_the_output_folders_it_created()
    {
        CompileResult result = KmodCompiler.Compile(InputLoader.Load([Folder(temp, "one", ("A.cs", Module("alpha")))]), new LoweringOptions());
        string output = Path.Combine(temp, "new", "out");

        Assert.Throws<OutputException>(() => ArtifactWriter.WriteAll(output, result.Modules, _ => throw new IOException("Read-only file system")));

        Assert.False(Directory.Exists(Path.Combine(temp, "new")));
    }

    [Fact]
    public void A_symbolic_link_in_place_of_a_module_folder_is_in_the_way()
    {
        string input = Folder(temp, "one", ("A.cs", Module("alpha")));
        string output = Directory.CreateDirectory(Path.Combine(temp, "out")).FullName;
        File.CreateSymbolicLink(Path.Combine(output, "alpha"), Path.Combine(temp, "nowhere"));

        (int exit, _, string stderr) = Run("build", input, "-o", output);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal($"kmodsharp: cannot write to '{Path.Combine(output, "alpha")}': it is a file, not a module folder\n", stderr);
    }

    [Fact]
    public void A_build_replaces_each_module_folder_whole_and_leaves_no_staging_folder()
    {
        string input = Folder(temp, "two", ("A.cs", Module("alpha")), ("B.cs", Module("beta")));
        string output = Directory.CreateDirectory(Path.Combine(temp, "out")).FullName;
        Directory.CreateDirectory(Path.Combine(output, "alpha"));
        File.WriteAllText(Path.Combine(output, "alpha", "stale.c"), "from an older build");
        File.WriteAllText(Path.Combine(output, "unrelated.txt"), "not ours");

        (int exit, string stdout, string stderr) = Run("build", input, "-o", output);

        Assert.True(exit == ExitCodes.Success, stderr);
        Assert.Equal($"alpha: {Path.Combine(output, "alpha")}\nbeta: {Path.Combine(output, "beta")}\n", stdout);
        Assert.False(File.Exists(Path.Combine(output, "alpha", "stale.c")));
        Assert.True(File.Exists(Path.Combine(output, "alpha", "alpha.c")));
        Assert.True(File.Exists(Path.Combine(output, "beta", "beta.c")));
        Assert.Equal(["alpha", "beta", "unrelated.txt"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void New_into_a_file_or_under_one_names_it()
    {
        string blocker = Blocker();

        (int exit, _, string stderr) = Run("new", "Meter", "-o", blocker);
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal($"kmodsharp: cannot write to '{blocker}': it is a file, not a folder\n", stderr);

        (exit, _, stderr) = Run("new", "Meter", "-o", Path.Combine(blocker, "Meter"));
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal($"kmodsharp: cannot write to '{Path.Combine(blocker, "Meter")}': '{blocker}' is a file, not a folder\n", stderr);
        Assert.Equal(["a-file"], Directory.EnumerateFileSystemEntries(temp).Select(Path.GetFileName));
    }

    [Fact]
    public void New_creates_missing_parent_folders()
    {
        string project = Path.Combine(temp, "deep", "er", "Meter");

        Assert.Equal(ExitCodes.Success, Run("new", "Meter", "-o", project).Exit);
        Assert.True(File.Exists(Path.Combine(project, "Meter.csproj")));
    }

    [Fact]
    public void Package_to_a_folder_named_like_a_package_or_under_a_file_names_it()
    {
        string folder = Directory.CreateDirectory(Path.Combine(temp, "counter.pkg")).FullName;
        (int exit, _, string stderr) = Run("package", Repository.Example("Counter"), "-o", folder);
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal($"kmodsharp: cannot write to '{folder}': it is a folder, not a file\n", stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));

        string blocker = Blocker();
        (exit, _, stderr) = Run("package", Repository.Example("Counter"), "-o", Path.Combine(blocker, "pkgs"));
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.StartsWith($"kmodsharp: cannot write to '{Path.Combine(blocker, "pkgs")}", stderr);
        Assert.EndsWith($"': '{blocker}' is a file, not a folder\n", stderr);
        Assert.Equal(["a-file", "counter.pkg"], Directory.EnumerateFileSystemEntries(temp).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Import_header_to_a_folder_or_under_a_file_names_it()
    {
        string header = Path.Combine(temp, "point.h");
        File.WriteAllText(header, "struct point { int x; int y; };\n");
        string folder = Directory.CreateDirectory(Path.Combine(temp, "Point.cs")).FullName;

        (int exit, _, string stderr) = Run("import-header", header, "-o", folder);
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal($"kmodsharp: cannot write to '{folder}': it is a folder, not a file\n", stderr);

        string blocker = Blocker();
        (exit, _, stderr) = Run("import-header", header, "-o", Path.Combine(blocker, "Point.cs"));
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal($"kmodsharp: cannot write to '{Path.Combine(blocker, "Point.cs")}': '{blocker}' is a file, not a folder\n", stderr);
        Assert.Equal(["Point.cs", "a-file", "point.h"], Directory.EnumerateFileSystemEntries(temp).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("sim", "KMODSHARP_CACHE")]
    [InlineData("verify", "TMPDIR")]
    public void Sim_and_verify_name_a_work_folder_they_cannot_write(string command, string variable)
    {
        string blocker = Blocker();
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", ["exec", typeof(Program).Assembly.Location, command, Repository.Example("MySyscall")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment[variable] = blocker;
        using var process = System.Diagnostics.Process.Start(start)!;
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(ExitCodes.Usage, process.ExitCode);
        Assert.Matches($"^kmodsharp: cannot write to '{System.Text.RegularExpressions.Regex.Escape(blocker)}/[^']*': '{System.Text.RegularExpressions.Regex.Escape(blocker)}' is a file, not a folder\n$", stderr);
    }
}
