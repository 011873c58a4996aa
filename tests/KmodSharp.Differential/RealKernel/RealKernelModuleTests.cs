using KmodSharp.Compiler.Tests.RealKernel;
using Xunit;
using Xunit.Abstractions;

namespace KmodSharp.Differential.RealKernel;

/// <summary>
/// Test modules written as a stranger would (Modules/Regressions/) on a real FreeBSD 13.2 kernel
/// (opt-in: <c>FREEBSD_RIG</c>, docs/testing.md), compared call by call with .NET as the generator's
/// programs are: switch-expression arms whose tests run statements, property patterns on struct
/// fields, calls with named and default arguments, operands with effects.
/// </summary>
public sealed class RealKernelModuleTests(ITestOutputHelper output)
{
    [RigFact]
    public void Modules_written_as_a_stranger_would_give_the_same_results_on_the_real_kernel_as_in_dotnet()
    {
        RealKernelReport report = RealKernelDifferential.RunModules(["StrangerSwitchArms", "StructFieldPatterns", "StrangerCalls", "StrangerOperands"], inputsPerSyscall: 8);
        output.WriteLine(report.ToString());

        Assert.True(report.Passed, report.ToString());
        Assert.Equal(4, report.Programs.Length);
        Assert.Equal(report.Calls, report.Agreed);
    }
}
