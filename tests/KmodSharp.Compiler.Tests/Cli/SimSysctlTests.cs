using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using KmodSharp.Cli;
using Xunit;
using static KmodSharp.Compiler.Tests.Cli.CliRun;

namespace KmodSharp.Compiler.Tests.Cli;

/// <summary><c>sim --sysctl NAME=VALUE</c>: writes go through the handler and its validator, in order with the calls, and <c>--json</c> shows the values.</summary>
public sealed class SimSysctlTests : IDisposable
{
    private const string Module = """
        using KmodSharp;

        [KernelModule("quota")]
        public static class Quota
        {
            [Sysctl("max_items", Writable = true, Validator = nameof(Sensible))]
            private static int maxItems = 16;

            [Sysctl("frozen")]
            private static bool frozen = true;

            private static bool Sensible(int proposed) => proposed > 0 && proposed % 4 == 0;

            [Syscall(Name = "quota_get")]
            public static int Get() => frozen ? maxItems : -1;
        }
        """;

    private readonly string directory = Path.Combine(Path.GetTempPath(), "kmodsharp-sim-sysctl-" + Guid.NewGuid().ToString("N")[..8]);

    public SimSysctlTests()
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Quota.cs"), Module);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void A_refused_value_is_EINVAL_and_leaves_the_old_one_an_accepted_one_is_stored()
    {
        (int exit, string stdout, string stderr) = Run("sim", directory,
            "--sysctl", "kern.quota.max_items=6", "--call", "quota_get",
            "--sysctl", "kern.quota.max_items=40", "--call", "quota_get",
            "--sysctl", "kern.quota.frozen=0", "--json");

        Assert.True(exit == ExitCodes.Success, stderr);
        using JsonDocument json = JsonDocument.Parse(stdout);
        JsonElement root = json.RootElement;
        Assert.Equal([16L, 40L], root.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("retval").GetInt64()));
        Assert.Equal([22, 0, 1], root.GetProperty("sysctlWrites").EnumerateArray().Select(w => w.GetProperty("errno").GetInt32()));
        Assert.Equal("40", Value(root, "kern.quota.max_items"));
        Assert.Equal("1", Value(root, "kern.quota.frozen"));
    }

    [Fact]
    public void The_text_report_names_the_errno_of_a_refused_write()
    {
        (int exit, string stdout, string stderr) = Run("sim", directory, "--sysctl", "kern.quota.max_items=-4");

        Assert.True(exit == ExitCodes.Success, stderr);
        Assert.Contains("sysctl kern.quota.max_items=-4: EINVAL (22)\n", stdout);
    }

    [Theory]
    [InlineData("kern.quota.max_items")]
    [InlineData("kern.quota.max_items=many")]
    public void A_write_that_is_not_NAME_equals_an_integer_is_a_usage_error(string write)
    {
        (int exit, _, string stderr) = Run("sim", directory, "--sysctl", write);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("NAME=VALUE", stderr);
    }

    private static string? Value(JsonElement root, string name) =>
        root.GetProperty("sysctls").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name).GetProperty("value").GetString();
}
