using System.IO;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Harness;

/// <summary>
/// The host kernel harness's own C self-tests (runtime-shims/host/tests): every emulated kernel
/// semantic, and deliberately wrong modules that must be caught (leaks, sleeping under a mutex,
/// copying out uninitialised bytes, dereferencing user pointers).
/// </summary>
public sealed class HarnessSelfTests
{
    [Fact]
    public void Make_check_passes()
    {
        ProcessOutcome outcome = ProcessRunner.Run("make", ["-s", "-C", Path.Combine(Repository.Root, "runtime-shims", "host"), "check"]);

        Assert.True(outcome.ExitCode == 0, outcome.Stdout + outcome.Stderr);
        Assert.Contains("test_kmodsim: 0 of", outcome.Stdout + outcome.Stderr);
    }
}
