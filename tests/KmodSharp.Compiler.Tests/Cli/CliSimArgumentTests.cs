using System;
using System.Text.Json;
using KmodSharp.Cli;
using Xunit;
using static KmodSharp.Compiler.Tests.Cli.CliRun;

namespace KmodSharp.Compiler.Tests.Cli;

/// <summary>
/// <c>sim</c>: a <c>UserString</c> argument given as a raw address (<c>a:ADDR</c>, so a faulting string can be
/// tested) or as text (plain, or <c>s:TEXT</c> for text that reads like an address), and <c>--json</c> when
/// the input does not compile: the diagnostics in the object, nothing run.
/// </summary>
public sealed class CliSimArgumentTests : IDisposable
{
    private readonly string temp = NewTemp();

    public void Dispose() => Delete(temp);

    private const string NameLength = """
        using System;
        using KmodSharp;

        [KernelModule("namelen")]
        public static class NameLength
        {
            [Syscall(Name = "name_len")]
            public static SyscallResult<int> Measure(UserString name)
            {
                Span<byte> copy = stackalloc byte[32];
                Errno failed = Kernel.CopyInString(name, copy, out nuint copied);
                if (failed != Errno.None)
                {
                    return failed;
                }

                return (int)copied;
            }
        }
        """;

    [Fact]
    public void A_user_string_can_be_an_unmapped_address_or_text_that_looks_like_one()
    {
        string module = Folder(temp, "namelen", ("NameLength.cs", NameLength));

        (int exit, string stdout, string stderr) = Run("sim", module,
            "--call", "name_len", "a:0x10",
            "--call", "name_len", "s:a:0x10",
            "--call", "name_len", "kernel");

        Assert.True(exit == ExitCodes.Success, stderr);
        Assert.Contains("name_len(a:0x10) = -1 EFAULT (14)\n", stdout);
        // The copied length counts the terminating NUL, as copyinstr(9)'s does.
        Assert.Contains("name_len(\"a:0x10\") = 7\n", stdout);
        Assert.Contains("name_len(\"kernel\") = 7\n", stdout);
    }

    [Fact]
    public void Sim_json_reports_the_diagnostics_of_an_input_that_does_not_compile()
    {
        string module = Folder(temp, "broken", ("Broken.cs", """
            using KmodSharp;

            [KernelModule("broken")]
            public static class Broken
            {
                [Syscall]
                public static int Label(int x)
                {
                again:
                    return x;
                }
            }
            """));

        (int exit, string stdout, _) = Run("sim", module, "--json", "--call", "label", "1");

        Assert.Equal(ExitCodes.Diagnostics, exit);
        using JsonDocument json = JsonDocument.Parse(stdout);
        Assert.Equal(0, json.RootElement.GetProperty("calls").GetArrayLength());
        // The C# compiler's warning (CS0164, a label never jumped to) comes with the error.
        JsonElement first = System.Linq.Enumerable.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("severity").GetString() == "error");
        Assert.Equal("KMS0900", first.GetProperty("id").GetString());
        Assert.Equal(9, first.GetProperty("line").GetInt32());
        Assert.EndsWith("Broken.cs", first.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.Contains("again:", first.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sim_json_of_a_clean_run_has_an_empty_diagnostics_array()
    {
        string module = Folder(temp, "namelen", ("NameLength.cs", NameLength));

        (int exit, string stdout, string stderr) = Run("sim", module, "--json", "--call", "name_len", "a:0x10");

        Assert.True(exit == ExitCodes.Success, stderr);
        using JsonDocument json = JsonDocument.Parse(stdout);
        Assert.Equal(0, json.RootElement.GetProperty("diagnostics").GetArrayLength());
        Assert.Equal("a:0x10", json.RootElement.GetProperty("calls")[0].GetProperty("args")[0].GetString());
        Assert.Equal(14, json.RootElement.GetProperty("calls")[0].GetProperty("errno").GetInt32());
    }
}
