using System.Collections.Generic;
using System.Collections.Immutable;
using KmodSharp.Differential.Runner;
using KmodSharp.Differential.Support;
using Xunit;
using Xunit.Abstractions;

namespace KmodSharp.Differential;

/// <summary>
/// The checks Lowering/Simplify drops as proved (Modules/ProvedChecks*.cs: loop-bounded and masked
/// indices, a zeroing the next Fill overwrites, a length check a range check made redundant, a
/// repeated division guard, the return after a switch that always returns) run against .NET,
/// beside twins whose checks can fire: meaning is unchanged, and the twins' failures still come.
/// </summary>
public sealed class ProvedChecksDifferentialTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("ProvedChecks")]
    [InlineData("ProvedChecksFlow")]
    public void Modules_whose_checks_were_proved_agree_with_dotnet(string module)
    {
        DifferentialReport report = DifferentialRunner.Run(TestModules.Text(module), fileName: module + ".cs");
        output.WriteLine(report.ToString());
        Assert.All(report.InputsPerSyscall.Values, n => Assert.True(n >= 1000, $"only {n} inputs"));
        report.ThrowIfFailed();
    }

    [Theory]
    [InlineData("ProvedChecks", "proved_loop_to", Errno.EINVAL)]
    [InlineData("ProvedChecks", "proved_masked_wide", Errno.EINVAL)]
    [InlineData("ProvedChecksFlow", "provedflow_alloc_any", Errno.EOVERFLOW)]
    [InlineData("ProvedChecksFlow", "provedflow_alloc_any", Errno.EINVAL)]
    [InlineData("ProvedChecksFlow", "provedflow_divide_shifted", Errno.EDOM)]
    [InlineData("ProvedChecksFlow", "provedflow_shape_or", Errno.EINVAL)]
    public void The_twins_checks_still_fire(string module, string syscall, Errno expected)
    {
        DifferentialReport report = DifferentialRunner.Run(TestModules.Text(module),
            new DifferentialOptions { Only = ImmutableHashSet.Create(syscall) }, module + ".cs");
        output.WriteLine(report.ToString());
        report.ThrowIfFailed();
        Assert.True(report.Errors.GetValueOrDefault((int)expected) > 0, $"no call of {syscall} ended with {expected}");
        Assert.True(report.Errors.GetValueOrDefault(0) > 0, $"no call of {syscall} succeeded");
    }
}
