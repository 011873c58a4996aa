using System.Collections.Generic;
using System.IO;
using KmodSharp.Compiler;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Compiler.Tools.Verification;
using KmodSharp.Differential.Runner;
using KmodSharp.Differential.Support;
using Xunit;
using Xunit.Abstractions;

namespace KmodSharp.Differential;

/// <summary>
/// The read-only kernel API: the calling thread's ids, groups, parent and name, the clocks and
/// arc4random, compared in .NET and
/// as C under credentials set alike in both worlds, and compiled against the real FreeBSD trees.
/// </summary>
public sealed class KernelReadsTests(ITestOutputHelper output)
{
    [Fact]
    public void Identity_module_agrees_for_root_with_kmodsim_defaults()
    {
        DifferentialReport report = DifferentialRunner.Run(TestModules.Text("Identity"), new DifferentialOptions { InputsPerSyscall = 300 }, "Identity.cs");
        output.WriteLine(report.ToString());
        report.ThrowIfFailed();
    }

    [Fact]
    public void Identity_module_agrees_for_a_setuid_process_with_many_groups()
    {
        var credential = new Simulation.Credential(Uid: 0, Jailed: false, CapabilityMode: false)
        {
            RealUid = 1001,
            SavedUid = 0,
            Gid = 5,
            RealGid = 1001,
            SavedGid = 20,
            Groups = [5, 0, 4_000_000_000, 1001, 68, 920, 7, 7],
        };
        DifferentialReport report = DifferentialRunner.Run(TestModules.Text("Identity"), new DifferentialOptions
        {
            InputsPerSyscall = 300,
            Credential = credential,
            ParentProcessId = 4242,
            ProcessName = "a-long-process-name",
        }, "Identity.cs");
        output.WriteLine(report.ToString());
        report.ThrowIfFailed();
        Assert.True(report.Errors.GetValueOrDefault(22) > 0, "no index or slice went out of the group set");
        Assert.True(report.Errors.GetValueOrDefault(0) > 0, "no call succeeded");
    }

    [Fact]
    public void Identity_module_agrees_with_no_groups_and_a_short_name()
    {
        DifferentialReport report = DifferentialRunner.Run(TestModules.Text("Identity"), new DifferentialOptions
        {
            InputsPerSyscall = 200,
            Credential = new Simulation.Credential(1001, Jailed: true, CapabilityMode: false) { Groups = [] },
            ProcessName = "sh",
        }, "Identity.cs");
        output.WriteLine(report.ToString());
        report.ThrowIfFailed();
    }

    [Fact]
    public void Clock_module_agrees_with_the_deterministic_clock_and_random_stream()
    {
        DifferentialReport report = DifferentialRunner.Run(TestModules.Text("Clock"), new DifferentialOptions { InputsPerSyscall = 300 }, "Clock.cs");
        output.WriteLine(report.ToString());
        report.ThrowIfFailed();
        Assert.True(report.Errors.GetValueOrDefault(22) > 0, "no random buffer slice went out of range");
    }

    [FreeBsdTheory]
    [InlineData("Identity")]
    [InlineData("Clock")]
    public void The_module_compiles_against_a_real_FreeBSD_tree(string name)
    {
        CompileResult compiled = KmodCompiler.Compile(
            new SourceInput([new SourceFile(Path.Combine(Path.GetTempPath(), name + ".cs"), TestModules.Text(name))], Path.GetTempPath()), new LoweringOptions());
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
        using KernelHeaders headers = KernelHeaders.FreeBsd(FreeBsdTheoryAttribute.SysDir!);

        VerifyResult result = ModuleVerifier.Verify(Assert.Single(compiled.Modules), headers);

        Assert.Empty(result.Diagnostics);
    }
}
