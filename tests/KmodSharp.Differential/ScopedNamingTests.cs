using KmodSharp.Differential.Runner;
using KmodSharp.Differential.Support;
using Xunit;

namespace KmodSharp.Differential;

/// <summary>
/// The naming policy's second round, proven by running in the host harness against .NET: names
/// that are object-like macros (module, syscall, sysctl, parameter, local), names unique within a
/// scope (max and max_, a span's length), locals that would hide the module's functions and
/// statics, and syscalls named like libc's (Modules/Naming/).
/// </summary>
public sealed class ScopedNamingTests
{
    [Theory]
    [InlineData("KernelNamedMacros")]
    [InlineData("ScopeCollisions")]
    [InlineData("KernelNamedLibc")]
    public void A_module_with_colliding_names_compiles_and_agrees_with_dotnet(string module) =>
        DifferentialRunner.Run(TestModules.Text(module), new DifferentialOptions { InputsPerSyscall = 200 }, module + ".cs").ThrowIfFailed();
}
