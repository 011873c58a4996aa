using System.Collections.Generic;
using System.Linq;
using KmodSharp.Differential.Runner;
using KmodSharp.Differential.Support;
using Xunit;
using Xunit.Abstractions;

namespace KmodSharp.Differential;

/// <summary>
/// The differential layer (docs/testing.md, sections 2 and 4): every syscall of each module runs in .NET and as C on the same generated
/// inputs (≥ 1,000 per syscall); errno, return value, user buffers and kernel log must be identical.
/// </summary>
public sealed class ArithmeticDifferentialTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("ArithInt")]
    [InlineData("ArithUInt")]
    [InlineData("ArithLong")]
    [InlineData("ArithNarrow")]
    [InlineData("ArithCompound")]
    [InlineData("ArithConversions")]
    [InlineData("ArithNative")]
    [InlineData("ArithMixed")]
    [InlineData("ArithControl")]
    [InlineData("ArithTricky")]
    [InlineData("Types")]
    [InlineData("ArithConstants")]
    [InlineData("ArithFlow")]
    [InlineData("Printf")]
    [InlineData("Enums")]
    [InlineData("InlineArrays")]
    [InlineData("Guards")]
    [InlineData("IntegerMath")]
    [InlineData("IntegerAbsClamp")]
    [InlineData("BitOps")]
    [InlineData("StoredResults")]
    [InlineData("StoredPairs")]
    public void Arithmetic_modules_agree(string module)
    {
        DifferentialReport report = DifferentialRunner.Run(TestModules.Text(module), fileName: module + ".cs");
        output.WriteLine(report.ToString());
        Assert.All(report.InputsPerSyscall.Values, n => Assert.True(n >= 1000, $"only {n} inputs"));
        report.ThrowIfFailed();
    }
}

/// <summary>
/// The kernel API (user memory, priv_check, printf) and the examples, differentially; a class of
/// its own so xunit runs it beside the arithmetic modules.
/// </summary>
public sealed class KernelApiDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void Kernel_api_module_agrees_for_root()
    {
        DifferentialReport report = DifferentialRunner.Run(TestModules.Text("KernelApi"), new DifferentialOptions { InputsPerSyscall = 400 }, "KernelApi.cs");
        output.WriteLine(report.ToString());
        report.ThrowIfFailed();
    }

    [Fact]
    public void Kernel_api_module_agrees_for_a_jailed_user_with_the_uninitialised_copyout_check()
    {
        DifferentialReport report = DifferentialRunner.Run(TestModules.Text("KernelApi"), new DifferentialOptions
        {
            InputsPerSyscall = 30,
            MaxInputsPerSyscall = 30,
            Credential = new Simulation.Credential(1001, Jailed: true, CapabilityMode: false),
            UninitializedCopyoutCheck = true,
        }, "KernelApi.cs");
        output.WriteLine(report.ToString());
        report.ThrowIfFailed();
    }

    [Fact]
    public void Module_hooks_and_state_agree()
    {
        DifferentialReport report = DifferentialRunner.Run(TestModules.Text("Hooks"), fileName: "Hooks.cs");
        output.WriteLine(report.ToString());
        report.ThrowIfFailed();
    }

    [Theory]
    [InlineData("MySyscall")]
    [InlineData("CustomSyscall")]
    [InlineData("ErrorHandling")]
    [InlineData("UserMemory")]
    [InlineData("TwoValues")]
    [InlineData("Capsicum")]
    [InlineData("Counter")]
    [InlineData("Credentials")]
    [InlineData("FrameReader")]
    public void Example_agrees(string example)
    {
        DifferentialReport report = DifferentialRunner.Run(TestModules.Example(example));
        output.WriteLine(report.ToString());
        report.ThrowIfFailed();
    }
}

/// <summary>
/// The kernel-facing constructs, each in a module of its own with at least 1,000 inputs per syscall:
/// spans, malloc(9) with M_NOWAIT fault injection, and mtx/sx locks around module state.
/// </summary>
public sealed class ResourceDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void Spans_agree()
    {
        DifferentialReport report = DifferentialRunner.Run(TestModules.Text("Spans"), fileName: "Spans.cs");
        output.WriteLine(report.ToString());
        Assert.All(report.InputsPerSyscall.Values, n => Assert.True(n >= 1000, $"only {n} inputs"));
        report.ThrowIfFailed();
        AssertTaken(report, 0, Errno.EINVAL);
    }

    [Fact]
    public void Malloc_agrees_with_a_failing_allocation_in_every_batch_and_no_leak()
    {
        // Small batches, so about one call in 32 meets ENOMEM, at a different allocation site per batch.
        DifferentialReport report = DifferentialRunner.Run(TestModules.Text("Malloc"),
            new DifferentialOptions { BatchSize = 32, FailNoWaitAllocationCycle = 7 }, "Malloc.cs");
        output.WriteLine(report.ToString());
        Assert.All(report.InputsPerSyscall.Values, n => Assert.True(n >= 1000, $"only {n} inputs"));
        report.ThrowIfFailed();
        AssertTaken(report, 0, Errno.ENOMEM, Errno.EINVAL, Errno.EDOM, Errno.EOVERFLOW, Errno.EAGAIN);
        Assert.True(report.Retvals.GetValueOrDefault(-2) > 0, "no allocation of EmptyOnFailure failed");
    }

    [Fact]
    public void Locks_and_module_state_agree()
    {
        DifferentialReport report = DifferentialRunner.Run(TestModules.Text("Locks"), fileName: "Locks.cs");
        output.WriteLine(report.ToString());
        Assert.All(report.InputsPerSyscall.Values, n => Assert.True(n >= 1000, $"only {n} inputs"));
        report.ThrowIfFailed();
        AssertTaken(report, 0, Errno.EINVAL, Errno.EDOM);
    }

    // The error paths under test were taken, not only the happy one.
    private void AssertTaken(DifferentialReport report, params object[] outcomes)
    {
        output.WriteLine("errno counts: " + string.Join(", ", report.Errors.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value}")));
        foreach (object outcome in outcomes)
        {
            Assert.True(report.Errors.GetValueOrDefault(System.Convert.ToInt32(outcome, System.Globalization.CultureInfo.InvariantCulture)) > 0, $"no call ended with {outcome}");
        }
    }
}

