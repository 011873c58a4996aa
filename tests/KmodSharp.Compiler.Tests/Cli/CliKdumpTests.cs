using System;
using System.IO;
using KmodSharp.Cli;
using KmodSharp.Compiler.Tests.Kdump;
using KmodSharp.Compiler.Tests.Support;
using Xunit;

namespace KmodSharp.Compiler.Tests.Cli;

/// <summary><c>kmodsharp kdump</c>'s contract (docs/cli.md): the decoded trace on standard output, warnings and errors on standard error.</summary>
public sealed class CliKdumpTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("kmodsharp-kdump-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private static string Fixture(string file) => Path.Combine(KdumpRecording.Committed, file);

    [Fact]
    public void The_tutorial_s_trace_decodes_with_kldstat()
    {
        (int exit, string stdout, string stderr) = CliRun.Run("kdump", Repository.Example("MySyscall"), "--from", Fixture("alone-kdump.txt"), "--kldstat", Fixture("alone-kldstat-dv.txt"));

        Assert.Equal((ExitCodes.Success, ""), (exit, stderr));
        Assert.Contains("recorder CALL  mysyscall(value: 21)\n", stdout, StringComparison.Ordinal);
        Assert.Contains("recorder RET   mysyscall 42\n", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("lkmnosys", stdout, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllLines(Fixture("alone-kdump.txt")).Length, stdout.Split('\n').Length - 1);
    }

    [Fact]
    public void A_slot_option_decodes_kdump_S_output_and_other_modules_stay_as_kdump_printed_them()
    {
        (int exit, string stdout, _) = CliRun.Run("kdump", KdumpRecording.ProbeProject, "--from", Fixture("kdump-S.txt"), "--slot", "probe_mix=213", "--slot", "probe_pick=214");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("CALL  probe_mix(blend: Negate, small: -5, mask: 4294967295, verbose: true, offset: -4096)", stdout, StringComparison.Ordinal);
        Assert.Contains("RET   probe_pick -1 errno 34 ERANGE", stdout, StringComparison.Ordinal);
        Assert.Contains("CALL  lkmnosys[215](0x2a)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Unnumbered_lines_that_could_be_any_slot_are_kept_with_a_warning_naming_kdump_S()
    {
        (int exit, string stdout, string stderr) = CliRun.Run("kdump", Repository.Example("ErrorHandling"), "--from", Fixture("kdump.txt"), "--kldstat", Fixture("kldstat-dv.txt"));

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(File.ReadAllText(Fixture("kdump.txt")), stdout);
        Assert.StartsWith("kmodsharp: warning: ", stderr, StringComparison.Ordinal);
        Assert.Contains("kdump -S", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "no such file")]
    [InlineData("--kldstat", "no such file")]
    public void A_missing_file_is_a_usage_error(string option, string message)
    {
        (int exit, string stdout, string stderr) = CliRun.Run("kdump", Repository.Example("MySyscall"), option, Path.Combine(temp, "absent.txt"));

        Assert.Equal((ExitCodes.Usage, ""), (exit, stdout));
        Assert.Equal($"kmodsharp: {option} '{Path.Combine(temp, "absent.txt")}': {message}", stderr.TrimEnd('\n'));
    }

    [Theory]
    [InlineData("mysyscall", "--slot takes NAME=NUMBER")]
    [InlineData("counter_add=210", "the module has no syscall 'counter_add' (it has mysyscall)")]
    public void A_bad_slot_is_a_one_line_usage_error(string slot, string message)
    {
        (int exit, string stdout, string stderr) = CliRun.Run("kdump", Repository.Example("MySyscall"), "--from", Fixture("alone-kdump.txt"), "--slot", slot);

        Assert.Equal((ExitCodes.Usage, ""), (exit, stdout));
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_that_does_not_compile_prints_its_errors_on_standard_error()
    {
        string folder = CliRun.Folder(temp, "broken", ("Broken.cs", "using KmodSharp; [KernelModule(\"b\")] public static class B { [Syscall] public static int F(int v) => v +; }"));

        (int exit, string stdout, string stderr) = CliRun.Run("kdump", folder, "--from", Fixture("alone-kdump.txt"));

        Assert.Equal((ExitCodes.Diagnostics, ""), (exit, stdout));
        Assert.Contains("error CS", stderr, StringComparison.Ordinal);
    }
}
