using System.Collections.Generic;
using System.Linq;
using KmodSharp.Differential.Runner;
using KmodSharp.Differential.Support;
using Xunit;
using Xunit.Abstractions;

namespace KmodSharp.Differential;

/// <summary>
/// User memory beyond one value: addresses computed from a user pointer, and spans copied in and out
/// with a runtime length. Mapped, short, read-only and unmapped buffers all meet both worlds, so the
/// EFAULT paths are compared as well as the copies.
/// </summary>
public sealed class UserMemoryDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void Addresses_made_from_user_pointers_agree()
    {
        DifferentialReport report = DifferentialRunner.Run(TestModules.Text("UserAddresses"), fileName: "UserAddresses.cs");
        output.WriteLine(report.ToString());
        report.ThrowIfFailed();
        AssertTaken(report, 0, Errno.EFAULT, Errno.EOVERFLOW, Errno.EINVAL, Errno.ENAMETOOLONG);
    }

    [Fact]
    public void Spans_copied_in_and_out_with_a_runtime_length_agree()
    {
        DifferentialReport report = DifferentialRunner.Run(TestModules.Text("UserSpans"), fileName: "UserSpans.cs");
        output.WriteLine(report.ToString());
        report.ThrowIfFailed();
        AssertTaken(report, 0, Errno.EFAULT, Errno.EINVAL);
    }

    // Each call runs twice in the harness on differently poisoned stacks: a padding byte that came from
    // the stack would differ between the runs, and from .NET's zero.
    [Fact]
    public void Padded_structs_copied_out_match_dotnet_byte_for_byte_on_a_poisoned_stack()
    {
        DifferentialReport report = DifferentialRunner.Run(TestModules.Text("PaddedCopies"), new DifferentialOptions
        {
            InputsPerSyscall = 150,
            UninitializedCopyoutCheck = true,
        }, "PaddedCopies.cs");
        output.WriteLine(report.ToString());
        report.ThrowIfFailed();
        AssertTaken(report, 0, Errno.EFAULT, Errno.EINVAL);
    }

    private void AssertTaken(DifferentialReport report, params Errno[] outcomes)
    {
        output.WriteLine("errno counts: " + string.Join(", ", report.Errors.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value}")));
        foreach (Errno outcome in outcomes)
        {
            Assert.True(report.Errors.GetValueOrDefault((int)outcome) > 0, $"no call ended with {outcome}");
        }
    }
}
