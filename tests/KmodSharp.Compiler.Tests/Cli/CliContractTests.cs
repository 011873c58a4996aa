using System;
using System.IO;
using System.Text.Json;
using KmodSharp.Cli;
using KmodSharp.Compiler.Tests.Support;
using Xunit;

namespace KmodSharp.Compiler.Tests.Cli;

/// <summary>The command-line contract that outside scripts depend on (docs/cli.md).</summary>
public sealed class CliContractTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("kmodsharp-cli-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void Check_of_the_example_succeeds_silently()
    {
        (int exit, string stdout, _) = Run("check", Repository.Example("MySyscall"));

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void Build_writes_the_module_folder()
    {
        (int exit, _, _) = Run("build", Repository.Example("MySyscall"), "-o", temp);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.True(File.Exists(Path.Combine(temp, "mysyscall", "mysyscall.c")));
        Assert.True(File.Exists(Path.Combine(temp, "mysyscall", "Makefile")));
        Assert.True(File.Exists(Path.Combine(temp, "mysyscall", "test_mysyscall.c")));
    }

    [Fact]
    public void A_build_written_inside_the_input_folder_is_not_read_back_as_input()
    {
        string project = Path.Combine(temp, "project");
        Directory.CreateDirectory(project);
        File.Copy(Path.Combine(Repository.Example("MySyscall"), "MySyscall.cs"), Path.Combine(project, "MySyscall.cs"));
        string output = Path.Combine(project, "kmod");

        var first = Run("build", project, "-o", output);
        var second = Run("build", project, "-o", output);

        Assert.Equal((0, 0), (first.Exit, second.Exit));
        Assert.True(File.Exists(Path.Combine(output, "mysyscall", "MySyscallClient.cs")), second.Stderr);
    }

    [Fact]
    public void A_missing_input_is_a_usage_error()
    {
        (int exit, _, string stderr) = Run("build", Path.Combine(temp, "nothing-here"), "-o", Path.Combine(temp, "out"));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("input not found", stderr);
        Assert.False(Directory.Exists(Path.Combine(temp, "out")));
    }

    [Fact]
    public void An_output_folder_that_cannot_be_written_is_a_usage_error_naming_it()
    {
        string blocked = Path.Combine(temp, "a-file");
        File.WriteAllText(blocked, "not a folder");

        (int exit, string stdout, string stderr) = Run("build", Repository.Example("MySyscall"), "-o", blocked);

        Assert.Equal(2, exit);
        Assert.StartsWith($"kmodsharp: cannot write to '{blocked}'", stderr);
        Assert.Equal("", stdout);
        Assert.Equal("not a folder", File.ReadAllText(blocked));
    }

    [Fact]
    public void A_folder_without_a_kernel_module_is_a_usage_error()
    {
        string project = Directory.CreateDirectory(Path.Combine(temp, "plain")).FullName;
        File.WriteAllText(Path.Combine(project, "Plain.cs"), "public static class Plain { public static int F() => 1; }");

        (int exit, _, string stderr) = Run("build", project, "-o", Path.Combine(temp, "out"));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("no [KernelModule] class", stderr);
        Assert.False(Directory.Exists(Path.Combine(temp, "out")));
    }

    [Fact]
    public void Errors_print_in_the_diagnostic_format_exit_1_and_write_nothing()
    {
        string project = Directory.CreateDirectory(Path.Combine(temp, "bad")).FullName;
        string file = Path.Combine(project, "Bad.cs");
        File.WriteAllText(file, """
            using KmodSharp;

            [KernelModule("bad")]
            public static class Bad
            {
                [Syscall]
                public static int Leak(int value)
                {
                    int[] array = new int[value];
                    return array.Length;
                }
            }
            """);

        (int exit, string stdout, _) = Run("build", project, "-o", Path.Combine(temp, "out"));

        Assert.Equal(ExitCodes.Diagnostics, exit);
        Assert.Matches(@"Bad\.cs\(9,\d+\): error KMS\d{4}: ", stdout.Replace(file, "Bad.cs", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(temp, "out")));
    }

    [Fact]
    public void Sim_prints_the_kernel_log_and_the_result()
    {
        (int exit, string stdout, string stderr) = Run("sim", Repository.Example("MySyscall"), "--call", "mysyscall", "42");

        Assert.True(exit == ExitCodes.Success, stderr);
        Assert.Contains("mysyscall called with value=42\n", stdout);
        Assert.Contains("mysyscall(42) = 84\n", stdout);
    }

    [Fact]
    public void Sim_json_has_the_documented_shape()
    {
        (int exit, string stdout, string stderr) = Run("sim", Repository.Example("MySyscall"), "--call", "mysyscall", "42", "--call", "mysyscall", "-21", "--json");

        Assert.True(exit == ExitCodes.Success, stderr);
        using JsonDocument json = JsonDocument.Parse(stdout);
        JsonElement calls = json.RootElement.GetProperty("calls");
        Assert.Equal(2, calls.GetArrayLength());
        Assert.Equal("mysyscall", calls[0].GetProperty("name").GetString());
        Assert.Equal("42", calls[0].GetProperty("args")[0].GetString());
        Assert.Equal(84, calls[0].GetProperty("retval").GetInt64());
        Assert.Equal(0, calls[0].GetProperty("retval1").GetInt64());
        Assert.Equal(0, calls[0].GetProperty("errno").GetInt32());
        Assert.Equal(-42, calls[1].GetProperty("retval").GetInt64());
        Assert.Equal("mysyscall called with value=42", json.RootElement.GetProperty("log")[0].GetString());
        Assert.Equal(0, json.RootElement.GetProperty("leaks").GetInt32());
    }

    [Fact]
    public void Sim_rejects_a_non_integer_argument_as_usage()
    {
        (int exit, _, string stderr) = Run("sim", Repository.Example("MySyscall"), "--call", "mysyscall", "forty-two");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("is an integer", stderr);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error()
    {
        (int exit, _, _) = Run("build", "--frobnicate");

        Assert.Equal(ExitCodes.Usage, exit);
    }

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Program.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
