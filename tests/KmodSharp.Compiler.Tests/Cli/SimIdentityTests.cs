using KmodSharp.Cli;
using KmodSharp.Compiler.Tests.Support;
using Xunit;
using static KmodSharp.Compiler.Tests.Cli.CliRun;

namespace KmodSharp.Compiler.Tests.Cli;

/// <summary><c>sim</c>'s identity options reach the harness: the Credentials example reports what they set.</summary>
public sealed class SimIdentityTests
{
    [Fact]
    public void The_ids_groups_and_parent_given_are_what_the_syscalls_read()
    {
        (int exit, string stdout, string stderr) = Run("sim", Repository.Example("Credentials"), "--uid", "1001", "--svuid", "0", "--groups", "20,5,920", "--ppid", "77",
            "--call", "creds_getgroups", "2", "z:8", "--call", "creds_getgroups", "3", "z:12", "--call", "creds_getresuid", "z:4", "z:4", "z:4", "--call", "creds_getppid");

        Assert.True(exit == ExitCodes.Success, stderr);
        Assert.Contains("creds_getgroups(2, z:8) = -1 EINVAL (22)\n", stdout);
        Assert.Contains("creds_getgroups(3, z:12) = 3\n  arg 1: 140000000500000098030000\n", stdout);
        Assert.Contains("  arg 0: e9030000\n  arg 1: e9030000\n  arg 2: 00000000\n", stdout);
        Assert.Contains("creds_getppid() = 77\n", stdout);
    }

    [Theory]
    [InlineData("--groups", "1,x")]
    [InlineData("--ppid", "0")]
    [InlineData("--comm", "a-name-longer-than-nineteen")]
    public void A_value_kmodsim_cannot_take_is_a_usage_error(string option, string value)
    {
        (int exit, _, string stderr) = Run("sim", Repository.Example("Credentials"), option, value, "--call", "creds_getppid");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(option, stderr);
    }
}
