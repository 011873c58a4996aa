using System.Collections.Generic;
using System.Linq;
using KmodSharp.Compiler;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Compiler.Tools.Simulation;
using KmodSharp.Differential.Generator.Generation;
using KmodSharp.Differential.Runner;
using KmodSharp.Differential.Support;
using Xunit;

namespace KmodSharp.Differential;

/// <summary>
/// examples/Credentials in the harness under a set identity, as getresuid(2) and getgroups(2) behave
/// (sys/kern/kern_prot.c), and the generator writing the read-only kernel API.
/// </summary>
public sealed class CredentialsExampleTests
{
    private static readonly SimEnvironment SetuidWithGroups = new(Uid: 0)
    {
        Identity = new SimIdentity(RealUid: 1001, SavedUid: 4242, Groups: [20, 5, 920], ParentProcessId: 77),
    };

    [Fact]
    public void Getgroups_counts_copies_and_refuses_a_short_buffer_with_EINVAL()
    {
        SimulationReport report = Run(
            new SimCall("creds_getgroups", ["0", "a:0x10"]),
            new SimCall("creds_getgroups", ["2", "z:8"]),
            new SimCall("creds_getgroups", ["-1", "z:8"]),
            new SimCall("creds_getgroups", ["3", "z:16"]),
            new SimCall("creds_getgroups", ["3", "a:0x10"]));

        Assert.Equal((0, 3L), (report.Calls[0].Error, report.Calls[0].Retval));
        Assert.Equal(22, report.Calls[1].Error);
        Assert.Equal("0000000000000000", report.Calls[1].Buffers.Single().Hex);
        Assert.Equal(22, report.Calls[2].Error);
        Assert.Equal((0, 3L), (report.Calls[3].Error, report.Calls[3].Retval));
        Assert.Equal("14000000" + "05000000" + "98030000" + "00000000", report.Calls[3].Buffers.Single().Hex);
        Assert.Equal(14, report.Calls[4].Error);
    }

    [Fact]
    public void Getresuid_copies_each_id_skips_a_null_pointer_and_reports_the_first_fault()
    {
        SimulationReport report = Run(
            new SimCall("creds_getresuid", ["z:4", "z:4", "z:4"]),
            new SimCall("creds_getresuid", ["0", "z:4", "0"]),
            new SimCall("creds_getresuid", ["z:4", "a:0x10", "z:4"]),
            new SimCall("creds_getppid", []));

        Assert.Equal(["e9030000", "00000000", "92100000"], report.Calls[0].Buffers.Select(b => b.Hex));
        Assert.Equal((0, "00000000"), (report.Calls[1].Error, report.Calls[1].Buffers.Single().Hex));
        Assert.Equal(14, report.Calls[2].Error);
        Assert.Equal(["e9030000", "92100000"], report.Calls[2].Buffers.Select(b => b.Hex));
        Assert.Equal(77L, report.Calls[3].Retval);
    }

    [Fact]
    public void The_example_agrees_in_dotnet_and_C_for_a_user_with_many_groups()
    {
        DifferentialReport report = DifferentialRunner.Run(TestModules.Example("Credentials"), new DifferentialOptions
        {
            InputsPerSyscall = 300,
            Credential = new Simulation.Credential(Uid: 1001, Jailed: false, CapabilityMode: false) { SavedUid = 0, Groups = [1001, 0, 5, 20, 68, 4_294_967_294] },
            ParentProcessId = 31337,
        });

        report.ThrowIfFailed();
        Assert.True(report.Errors.GetValueOrDefault((int)Errno.EINVAL) > 0, "no getgroups buffer was too small");
        Assert.True(report.Errors.GetValueOrDefault((int)Errno.EFAULT) > 0, "no copyout faulted");
        Assert.True(report.Errors.GetValueOrDefault(0) > 0, "no call succeeded");
    }

    [Fact]
    public void The_generator_writes_kernel_reads_only_when_the_feature_is_on()
    {
        GeneratedProgram[] on = [.. Enumerable.Range(1, 30).Select(seed => ProgramGenerator.Generate(seed, GeneratorFeatures.Ci))];
        GeneratedProgram[] off = [.. Enumerable.Range(1, 30).Select(seed => ProgramGenerator.Generate(seed, GeneratorFeatures.Ci with { KernelReads = false }))];

        Assert.Contains(on, p => p.Text.Contains("CallingThread caller", System.StringComparison.Ordinal));
        Assert.Contains(on, p => p.Text.Contains("KernelClock.", System.StringComparison.Ordinal));
        Assert.DoesNotContain(off, p => p.Text.Contains("KernelClock.", System.StringComparison.Ordinal) || p.Text.Contains("CallingThread", System.StringComparison.Ordinal));
    }

    private static SimulationReport Run(params SimCall[] calls)
    {
        CompileResult compiled = KmodCompiler.Compile(TestModules.Example("Credentials"), new LoweringOptions());
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
        SimulationReport report = HostSimulator.Run([Assert.Single(compiled.Modules)], [.. calls], SetuidWithGroups);
        Assert.True(report.Clean, report.Stderr);
        return report;
    }
}
