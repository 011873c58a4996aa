using KmodSharp.Differential.Runner;
using KmodSharp.Differential.Support;
using Xunit;
using Xunit.Abstractions;

namespace KmodSharp.Differential;

/// <summary>
/// DESIGN §7 layer 4: every syscall of each module runs in .NET and as C on the same generated
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
    public void Example_agrees(string example)
    {
        DifferentialReport report = DifferentialRunner.Run(TestModules.Example(example));
        output.WriteLine(report.ToString());
        report.ThrowIfFailed();
    }
}
