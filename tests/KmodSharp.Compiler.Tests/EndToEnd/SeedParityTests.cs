using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.EndToEnd;

/// <summary>
/// One example per section of the tutorial KmodSharp started from, each translated, compiled
/// against the host harness (ASan+UBSan, -Wall -Wextra -Werror), loaded and called.
/// </summary>
public sealed class SeedParityTests
{
    private const int EFAULT = 14, EINVAL = 22, EPERM = 1, ENOMEM = 12, EDOM = 33, ECAPMODE = 94, ENAMETOOLONG = 63;

    [Fact]
    public void CustomSyscall_copies_the_string_in_and_returns_value_times_three()
    {
        ModuleArtifacts module = TestCompiler.Example("CustomSyscall");
        SimulationReport report = HostSimulator.Run([module],
        [
            new SimCall("my_custom_syscall", ["14", "s:hello"]),
            new SimCall("my_custom_syscall", ["1", "a:0x10"]),
            new SimCall("my_custom_syscall", ["1", "s:" + new string('x', 300)]),
        ]);

        AssertClean(report);
        Assert.Equal(210, report.Loads[0].Modules.Single().Slot);
        Assert.Equal(42, report.Calls[0].Retval);
        Assert.Contains("my_custom_syscall: value=14 message=hello (6 bytes)", report.Log);
        Assert.Equal(EFAULT, report.Calls[1].Error);
        Assert.Equal(ENAMETOOLONG, report.Calls[2].Error);
        Assert.Contains(".sy_narg = sizeof(struct mycustom_my_custom_syscall_args) / sizeof(register_t),", TestCompiler.Unwrapped(module.CSource()));
        // The tutorial pins slot 210; the example asks for a free one (NO_SYSCALL), which is 210 when it loads first.
        Assert.Contains("static int mycustom_my_custom_syscall_offset = NO_SYSCALL;", module.CSource());
    }

    [Fact]
    public void TwoValues_fills_both_return_registers()
    {
        SimulationReport report = HostSimulator.Run([TestCompiler.Example("TwoValues")], [new SimCall("two_values", ["5"]), new SimCall("two_values", ["-1000"])]);

        AssertClean(report);
        Assert.Equal((105L, 205L), (report.Calls[0].Retval, report.Calls[0].Retval1));
        Assert.Equal((-900L, -800L), (report.Calls[1].Retval, report.Calls[1].Retval1));
    }

    [Fact]
    public void ErrorHandling_returns_each_errno()
    {
        ModuleArtifacts module = TestCompiler.Example("ErrorHandling");
        SimulationReport root = HostSimulator.Run([module],
        [
            new SimCall("errors_divide", ["5"]),
            new SimCall("errors_divide", ["0"]),
            new SimCall("errors_divide", ["-3"]),
            new SimCall("errors_privileged", []),
            new SimCall("errors_allocate", ["10"]),
            new SimCall("errors_allocate", ["0"]),
        ]);
        SimulationReport user = HostSimulator.Run([module], [new SimCall("errors_privileged", [])], new SimEnvironment(Uid: 1001));
        SimulationReport jailed = HostSimulator.Run([module], [new SimCall("errors_privileged", [])], new SimEnvironment(Jailed: true));
        SimulationReport noMemory = HostSimulator.Run([module], [new SimCall("errors_allocate", ["10"])], new SimEnvironment(FailNoWaitAllocation: 1));

        AssertClean(root);
        Assert.Equal([(0, 20L), (EDOM, -1L), (EINVAL, -1L), (0, 0L), (0, 70L), (EINVAL, -1L)], root.Calls.Select(c => (c.Error, c.Retval)));
        Assert.Equal(EPERM, user.Calls.Single().Error);
        Assert.Equal(EPERM, jailed.Calls.Single().Error);
        AssertClean(noMemory);
        Assert.Equal(ENOMEM, noMemory.Calls.Single().Error);
        Assert.Contains("priv_check(td, PRIV_MODULE0)", module.CSource());
        Assert.Contains("MALLOC_DEFINE(M_ERRORS, \"errors\", \"errors module memory\");", module.CSource());
    }

    [Fact]
    public void UserMemory_moves_structs_strings_and_bytes_across_the_boundary()
    {
        SimulationReport report = HostSimulator.Run([TestCompiler.Example("UserMemory")],
        [
            new SimCall("usermem_multiply", ["b:0600000007000000", "z:16"]),
            new SimCall("usermem_multiply", ["b:0600000007000000", "a:0x10"]),
            new SimCall("usermem_strlen", ["s:kernel"]),
            new SimCall("usermem_bump", ["b:41"]),
            new SimCall("usermem_bump", ["a:0x10"]),
        ]);

        AssertClean(report);
        Assert.Equal(0, report.Calls[0].Error);

        // Product 42, calls 1, checksum 6 ^ 7: every byte written, padding included.
        Assert.Equal("2a000000000000000100000001000000", report.Calls[0].Buffers.Single(b => b.Argument == 1).Hex);
        Assert.Equal(EFAULT, report.Calls[1].Error);
        Assert.Equal(6, report.Calls[2].Retval);
        Assert.Equal(0x42, report.Calls[3].Retval);
        Assert.Equal("42", report.Calls[3].Buffers.Single().Hex);
        Assert.Equal(EFAULT, report.Calls[4].Error);
    }

    [Fact]
    public void A_page_unmapped_mid_call_fails_the_copyout_and_writes_nothing()
    {
        ModuleArtifacts module = TestCompiler.Example("UserMemory");
        SimCall multiply = new("usermem_multiply", ["b:0600000007000000", "z:16"]);

        SimulationReport inFirst = HostSimulator.Run([module], [multiply], new SimEnvironment(UnmapAfterAccesses: 1));
        SimulationReport inSecond = HostSimulator.Run([module], [multiply], new SimEnvironment(UnmapAfterAccesses: 2));
        SimulationReport later = HostSimulator.Run([module], [multiply, multiply], new SimEnvironment(UnmapAfterAccesses: 4));

        AssertClean(inSecond);
        Assert.Equal(EFAULT, inFirst.Calls.Single().Error);
        Assert.Equal(EFAULT, inSecond.Calls.Single().Error);
        Assert.Equal(new string('0', 32), inSecond.Calls.Single().Buffers.Single(b => b.Argument == 1).Hex);
        Assert.Equal([0, EFAULT], later.Calls.Select(c => c.Error));
    }

    [Fact]
    public void Capsicum_allows_only_the_marked_syscall_in_capability_mode()
    {
        ModuleArtifacts module = TestCompiler.Example("Capsicum");
        SimulationReport normal = HostSimulator.Run([module], [new SimCall("cap_square", ["12"]), new SimCall("cap_whoami", [])]);
        SimulationReport sandboxed = HostSimulator.Run([module], [new SimCall("cap_square", ["12"]), new SimCall("cap_whoami", [])], new SimEnvironment(CapabilityMode: true));

        AssertClean(normal);
        Assert.Equal(144, normal.Calls[0].Retval);
        Assert.True(normal.Calls[1].Retval > 0);
        Assert.Equal(144, sandboxed.Calls[0].Retval);
        Assert.Equal(ECAPMODE, sandboxed.Calls[1].Error);
        Assert.Contains(".sy_flags = SYF_CAPENABLED,", module.CSource());
    }

    private static void AssertClean(SimulationReport report) =>
        Assert.True(report.Clean, $"exit {report.ExitCode}, violations: {string.Join("; ", report.Violations)}, leaks {report.Leaks}\n{report.Stderr}");
}
