using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using KmodSharp.Cli;
using KmodSharp.Compiler.Tests.Support;
using Xunit;
using static KmodSharp.Compiler.Tests.Cli.CliRun;

namespace KmodSharp.Compiler.Tests.Cli;

/// <summary>Unknown options are usage errors, not inputs or syscall arguments; diagnostics carry their help link.</summary>
public sealed class CliOptionTests : IDisposable
{
    private readonly string temp = NewTemp();

    public void Dispose() => Delete(temp);

    [Theory]
    [InlineData("check", "--bogus", "EXAMPLE")]
    [InlineData("check", "EXAMPLE", "--bogus")]
    [InlineData("build", "-x", "EXAMPLE")]
    [InlineData("sim", "EXAMPLE", "--call", "mysyscall", "42", "--bogus")]
    [InlineData("sim", "EXAMPLE", "--call", "mysyscall", "--bogus")]
    [InlineData("verify", "--bogus", "EXAMPLE")]
    [InlineData("package", "EXAMPLE", "--bogus")]
    [InlineData("kdump", "EXAMPLE", "-S")]
    public void An_unknown_option_is_a_usage_error_naming_it(params string[] args)
    {
        string command = args[0];
        string unknown = Array.Find(args, a => a.StartsWith('-') && a != "--call")!;

        (int exit, string stdout, string stderr) = Run(Array.ConvertAll(args, a => a == "EXAMPLE" ? Repository.Example("MySyscall") : a));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal($"kmodsharp: unknown option '{unknown}' (see kmodsharp {command} --help)\n", stderr);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void A_negative_number_is_a_syscall_argument()
    {
        (int exit, string stdout, string stderr) = Run("sim", Repository.Example("MySyscall"), "--call", "mysyscall", "-5", "--call", "mysyscall", "-21", "--json");

        Assert.True(exit == ExitCodes.Success, stderr);
        using JsonDocument json = JsonDocument.Parse(stdout);
        JsonElement calls = json.RootElement.GetProperty("calls");
        Assert.Equal("-5", calls[0].GetProperty("args")[0].GetString());
        Assert.Equal(-10, calls[0].GetProperty("retval").GetInt64());
        Assert.Equal(-42, calls[1].GetProperty("retval").GetInt64());
    }

    [Fact]
    public void After_a_double_dash_a_leading_dash_is_part_of_an_input_path()
    {
        Assert.Equal("kmodsharp: unknown option '-module' (see kmodsharp check --help)\n", Run("check", "-module").Stderr);

        (int exit, _, string stderr) = Run("check", "--", "-module");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("kmodsharp: input not found: '-module'\n", stderr);
    }

    [Fact]
    public void Diagnostics_end_with_their_help_link()
    {
        string input = Folder(temp, "bad", ("Bad.cs", BadModule));

        (int exit, string stdout, _) = Run("check", input);

        Assert.Equal(ExitCodes.Diagnostics, exit);
        string[] lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Contains(lines, line => line.Contains("Bad.cs(9,23): error KMS0001: ", StringComparison.Ordinal));
        Assert.All(lines, line => Assert.Matches(
            @"^.*Bad\.cs\(\d+,\d+\): error (KMS\d{4}): .* \(https://github\.com/kmodsharp/kmodsharp/blob/main/docs/diagnostics/\1\.md\)$", line));
    }

    [Fact]
    public void A_csharp_compiler_error_has_no_link_as_in_csc()
    {
        string input = Folder(temp, "cs", ("Bad.cs", Module("alpha") + "\nclass C { int F() => missing; }\n"));

        (int exit, string stdout, _) = Run("check", input);

        Assert.Equal(ExitCodes.Diagnostics, exit);
        Assert.Matches(@"error CS0103: The name 'missing' does not exist in the current context\n$", stdout);
    }

    /// <summary>The line MSBuild's Exec reads: file, position, category, code, and the message with the link.</summary>
    [Fact]
    public void MSBuild_reads_a_diagnostic_with_its_help_link_as_an_error()
    {
        string input = Folder(temp, "bad", ("Bad.cs", BadModule));
        (_, string stdout, _) = Run("check", input);
        File.WriteAllText(Path.Combine(temp, "lines.txt"), stdout);
        File.WriteAllText(Path.Combine(temp, "echo.proj"), """
            <Project>
              <Target Name="Echo">
                <Exec Command="cat lines.txt" IgnoreExitCode="true" IgnoreStandardErrorWarningFormat="false" />
              </Target>
            </Project>
            """);

        var start = new ProcessStartInfo("dotnet", ["msbuild", "echo.proj", "-nologo", "-tl:off", "-v:q", "-clp:ErrorsOnly;NoSummary"])
        {
            WorkingDirectory = temp,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        using Process msbuild = Process.Start(start)!;
        string logged = msbuild.StandardOutput.ReadToEnd();
        msbuild.WaitForExit();

        // MSBuild logs a line it parsed as an error with the project appended; the message keeps the link.
        string[] loggedLines = logged.Split('\n', StringSplitOptions.TrimEntries);
        Assert.All(stdout.TrimEnd('\n').Split('\n'), line => Assert.Contains($"{line} [{Path.Combine(temp, "echo.proj")}]", loggedLines));
    }

    private const string BadModule = """
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
        """;
}
