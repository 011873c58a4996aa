using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Lowering;

/// <summary>User enums: C enums (int-backed) or #defines (other underlying types), used by name; run in the host harness.</summary>
public sealed class EnumTests
{
    private static readonly ModuleArtifacts Module = TestCompiler.Module("""
        using KmodSharp;

        namespace A
        {
            public enum State { Idle, Busy = 3, @switch = -7 }
        }

        namespace B
        {
            public enum State : ushort { Idle = 1, Busy = 65535 }
        }

        [KernelModule("enumc")]
        public static class EnumC
        {
            [Syscall(Name = "enumc_score")]
            public static int Score(A.State a, int b)
            {
                int score = a switch
                {
                    A.State.Idle => 1,
                    A.State.Busy or A.State.@switch => 2,
                    > A.State.Busy => 3,
                    _ => 4,
                };
                var other = (B.State)b;
                return score * 10 + (other == B.State.Busy ? 5 : other >= B.State.Idle ? 6 : 7);
            }

            [Syscall(Name = "enumc_far")]
            public static long Far(int shift) => (long)B.State.Busy << shift;
        }
        """, "EnumC.cs");

    [Fact]
    public void Enums_are_declared_once_and_used_by_name()
    {
        string c = Module.CSource();

        Assert.Contains("enum enumc_state {\n\tENUMC_STATE_IDLE = 0,\n\tENUMC_STATE_BUSY = 3,\n\tENUMC_STATE_SWITCH = -7,\n};", c);
        Assert.Contains("#define\tENUMC_STATE_2_IDLE\t1\n#define\tENUMC_STATE_2_BUSY\t65535\n", c);
        Assert.Contains("a == ENUMC_STATE_BUSY", c);
        Assert.Contains("other == ENUMC_STATE_2_BUSY", c);
        Assert.Contains("(int64_t)ENUMC_STATE_2_BUSY", c);
        Assert.DoesNotContain("== 65535", c);
    }

    [Theory]
    [InlineData(0, 65535, 15)]
    [InlineData(3, 1, 26)]
    [InlineData(-7, 0, 27)]
    [InlineData(4, 2, 36)]
    [InlineData(-1, 65536, 47)]
    public void Enum_switches_and_comparisons_compute_what_CSharp_computes(int a, int b, int expected)
    {
        SimulationReport report = HostSimulator.Run([Module], [new SimCall("enumc_score", [$"{a}", $"{b}"]), new SimCall("enumc_far", ["40"])]);

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal([expected, 65535L << 40], report.Calls.Select(c => c.Retval));
    }
}
