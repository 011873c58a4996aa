using KmodSharp.Differential.Runner;
using KmodSharp.Differential.Support;
using Xunit;

namespace KmodSharp.Differential;

/// <summary>
/// Initializers that were dropped, exceptions inside helpers that became their return value, and
/// helpers C# accepts whose C did not compile: each module (Modules/Regressions/) must compile, run
/// in the harness and agree with .NET on every input.
/// </summary>
public sealed class InitializerAndFailureTests
{
    [Fact]
    public void Stackalloc_initializers_are_stored() => Run("StackallocInitializers");

    [Fact]
    public void Static_struct_fields_start_with_their_initializers() => Run("StaticInitializers");

    [Fact]
    public void A_failure_inside_a_helper_fails_the_syscall_whatever_the_helper_returns() => Run("HelperFailures");

    [Fact]
    public void Helpers_whose_every_path_returns_compile() => Run("ExhaustiveReturns");

    private static void Run(string module) =>
        DifferentialRunner.Run(TestModules.Text(module), new DifferentialOptions { InputsPerSyscall = 300 }, module + ".cs").ThrowIfFailed();
}
