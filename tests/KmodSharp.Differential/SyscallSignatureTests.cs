using KmodSharp.Differential.Runner;
using KmodSharp.Differential.Support;
using Xunit;

namespace KmodSharp.Differential;

/// <summary>
/// The syscall signatures the declaration rules accept are the ones the backend translates
/// (Analyzers/Subset/SyscallSignature.cs): each is compiled and run against the managed simulation.
/// </summary>
public sealed class SyscallSignatureTests
{
    [Fact]
    public void A_SyscallResult_of_an_enum_returns_the_value_or_the_error() =>
        DifferentialRunner.Run(TestModules.Text("EnumResult"), new DifferentialOptions { InputsPerSyscall = 1000 }, "EnumResult.cs").ThrowIfFailed();
}
