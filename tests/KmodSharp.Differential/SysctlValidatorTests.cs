using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KmodSharp.Compiler;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Compiler.Tools.Simulation;
using KmodSharp.Differential.Runner;
using KmodSharp.Differential.Support;
using KmodSharp.Simulation;
using Xunit;

namespace KmodSharp.Differential;

/// <summary>
/// Validated sysctls: the same writes through kmodsim's sysctl (the generated SYSCTL_PROC handler)
/// and through <see cref="SimulatedSysctl"/> in .NET end with the same errno and the same values.
/// </summary>
public sealed class SysctlValidatorTests
{
    private static readonly (string Leaf, string Value)[] Writes =
    [
        ("limit", "0"), ("limit", "1"), ("limit", "1000"), ("limit", "1001"), ("limit", "-5"), ("limit", "77"),
        ("mask", "0"), ("mask", "6"), ("mask", "64"), ("mask", "2147483648"), ("mask", "4294967295"),
        ("ratio", "7"), ("ratio", "10"), ("ratio", "8"), ("ratio", "-1000000000000"), ("ratio", "340"),
        ("big", "3"), ("big", "18446744073709551614"), ("big", "1"),
        ("strict", "1"), ("strict", "0"), ("strict", "1"),
        ("plain", "-9"),
    ];

    [Fact]
    public void Each_write_ends_alike_in_the_harness_and_in_dotnet()
    {
        CompileResult compiled = KmodCompiler.Compile(Source(), new LoweringOptions());
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
        SimulationReport report = HostSimulator.Run([.. compiled.Modules],
            [new SimLoadStep("checked_knobs"), .. Writes.Select(w => (SimStep)new SimSysctlWrite("kern.checked_knobs." + w.Leaf, w.Value)), new SimCall("sum", [])]);
        Assert.True(report.Clean, report.Stderr + string.Join("\n", report.Violations));

        Type module = ManagedModule();
        var managed = new List<int>();
        using (SimulatedKernel.Enter())
        {
            foreach ((string leaf, string value) in Writes)
            {
                managed.Add(ManagedWrite(module, leaf, value));
            }
        }

        Assert.Equal(managed, report.SysctlWrites.Select(w => w.Error));
        Assert.Contains((int)Errno.EINVAL, managed);
        Assert.Contains((int)Errno.EDOM, managed);
        foreach (string leaf in Writes.Select(w => w.Leaf).Distinct())
        {
            string expected = SimulatedSysctl.Read(module, leaf) is bool b ? (b ? "1" : "0") : Convert.ToString(SimulatedSysctl.Read(module, leaf), System.Globalization.CultureInfo.InvariantCulture)!;
            Assert.Equal(expected, Assert.Single(report.Sysctls, s => s.Name == "kern.checked_knobs." + leaf).Value);
        }
    }

    [FreeBsdTheory]
    [InlineData("SysctlValidated")]
    public void The_handlers_compile_against_a_real_FreeBSD_tree(string name)
    {
        CompileResult compiled = KmodCompiler.Compile(Source(name), new LoweringOptions());
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
        using KmodSharp.Compiler.Tools.Verification.KernelHeaders headers = KmodSharp.Compiler.Tools.Verification.KernelHeaders.FreeBsd(FreeBsdTheoryAttribute.SysDir!);

        Assert.Empty(KmodSharp.Compiler.Tools.Verification.ModuleVerifier.Verify(Assert.Single(compiled.Modules), headers).Diagnostics);
    }

    // .NET throws where the kernel returns the errno the project documents (DivideByZero → EDOM).
    private static int ManagedWrite(Type module, string leaf, string value)
    {
        try
        {
            return (int)SimulatedSysctl.Write(module, leaf, value);
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is DivideByZeroException)
        {
            return (int)Errno.EDOM;
        }
    }

    private static SourceInput Source(string name = "SysctlValidated") =>
        new([new SourceFile(Path.Combine(Path.GetTempPath(), name + ".cs"), TestModules.Text(name))], Path.GetTempPath());

    private static Type ManagedModule() =>
        System.Reflection.Assembly.Load(DifferentialRunner.EmitAssembly(Source())).GetType("Differential.SysctlValidated", throwOnError: true)!;
}
