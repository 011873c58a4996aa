using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Lowering;

/// <summary><c>Kernel.PrivCheck()</c> without a privilege checks PRIV_MODULE0, the first of the range FreeBSD reserves for modules.</summary>
public sealed class DefaultPrivilegeTests
{
    private static readonly ModuleArtifacts Module = TestCompiler.Module("""
        using KmodSharp;

        [KernelModule("privdefault")]
        public static class PrivDefault
        {
            [Syscall(Name = "privdefault_poke")]
            public static SyscallResult<int> Poke(int value)
            {
                Errno e = Kernel.PrivCheck();
                if (e != Errno.None)
                {
                    return e;
                }

                return value + 1;
            }
        }
        """, "PrivDefault.cs");

    [Fact]
    public void It_is_priv_check_of_PRIV_MODULE0()
    {
        Assert.Contains("priv_check(td, PRIV_MODULE0)", Module.CSource());
    }

    [Theory]
    [InlineData(0u, false, 0, 42L)]
    [InlineData(1001u, false, 1, -1L)]
    [InlineData(0u, true, 1, -1L)]
    public void Root_passes_and_users_or_jailed_root_get_EPERM(uint uid, bool jailed, int errno, long retval)
    {
        SimulationReport report = HostSimulator.Run([Module], [new SimCall("privdefault_poke", ["41"])], new SimEnvironment(uid, jailed));

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal((errno, retval), (report.Calls.Single().Error, report.Calls.Single().Retval));
    }
}
