using System.IO;
using System.Linq;
using KmodSharp.Cli;
using KmodSharp.Packaging.Tests.Support;
using Xunit;

namespace KmodSharp.Packaging.Tests;

/// <summary>
/// <c>build --output-list FILE</c>, the build step's record of its outputs: every file written, and
/// only after a successful build (a failed one leaves no list, so the next dotnet build runs again).
/// </summary>
public sealed class BuildOutputListTests
{
    [Fact]
    public void A_successful_build_lists_every_file_it_wrote()
    {
        using var temp = new TempDirectory("kmodsharp-list");
        string list = temp.Combine("obj", "outputs.txt");
        var (exit, output, _) = CliPackageAndNewTests.Run("build", Repository.Example("CustomSyscall"), "-o", temp.Combine("kmod"), "--output-list", list);

        Assert.True(exit == ExitCodes.Success, output);
        string module = Assert.Single(Directory.GetDirectories(temp.Combine("kmod")));
        Assert.Equal(Directory.GetFiles(module).Order(), File.ReadAllLines(list).Order());
        Assert.Equal([list], Directory.GetFiles(temp.Combine("obj")));
    }

    [Fact]
    public void A_failed_build_deletes_the_list_and_writes_none()
    {
        using var temp = new TempDirectory("kmodsharp-list");
        string list = temp.Combine("outputs.txt");
        File.WriteAllText(list, "/stale/module.c\n");
        string source = temp.Combine("Broken.cs");
        File.WriteAllText(source, """
            using KmodSharp;

            [KernelModule("broken")]
            public static class Broken
            {
                [Syscall]
                public static int Get(int value) => throw new System.InvalidOperationException();
            }
            """);

        var (exit, output, _) = CliPackageAndNewTests.Run("build", source, "-o", temp.Combine("kmod"), "--output-list", list);

        Assert.Equal(ExitCodes.Diagnostics, exit);
        Assert.Contains("error KMS0002", output);
        Assert.False(File.Exists(list));
        Assert.False(Directory.Exists(temp.Combine("kmod")));
    }
}
