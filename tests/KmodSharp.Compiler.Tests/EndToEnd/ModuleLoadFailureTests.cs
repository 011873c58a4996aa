using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.EndToEnd;

/// <summary>A module whose load hook fails is refused by the kernel, and a harness run reports it as a failure.</summary>
public sealed class ModuleLoadFailureTests
{
    private static readonly ModuleArtifacts Refusing = TestCompiler.Module("""
        using KmodSharp;

        [KernelModule("refusing")]
        public static class Refusing
        {
            [Syscall(Name = "refusing_call")]
            public static int Call(int value) => value;

            [ModuleLoad]
            private static Errno OnLoad() => Errno.ENXIO;
        }
        """, "Refusing.cs");

    [Fact]
    public void A_failed_MOD_LOAD_makes_the_run_unclean_with_the_hook_errno()
    {
        SimulationReport report = HostSimulator.Run([Refusing], [new SimCall("refusing_call", ["1"])]);

        // As linker_load_file does when every module of a file failed MOD_LOAD: ENOEXEC, with the hook's errno logged.
        Assert.False(report.Clean);
        Assert.Equal(8, report.FailedLoads.Single().Error);
        Assert.Contains(report.Log, line => line.Contains("MOD_LOAD", System.StringComparison.Ordinal) && line.Contains("error 6", System.StringComparison.Ordinal));
        Assert.Equal(78, report.Calls.Single().Error);
    }
}
