using KmodSharp.Differential.Runner;
using KmodSharp.Differential.Support;
using Xunit;

namespace KmodSharp.Differential;

/// <summary>
/// The naming policy and the harness flags, proven by running: modules whose module, syscall,
/// helper, parameter, local, static and struct names are the kernel's own (Modules/Naming/)
/// translate, compile in the host harness with kern.mk's flags, and agree with .NET.
/// </summary>
public sealed class NamingPolicyTests
{
    [Theory]
    [InlineData("KernelNamedTemp")]
    [InlineData("KernelNamedSched")]
    [InlineData("KernelNamedRead")]
    [InlineData("MachineNames")]
    [InlineData("StructTagCollisions")]
    public void A_module_with_kernel_names_compiles_and_agrees_with_dotnet(string module) => Run(module);

    [Theory]
    [InlineData("devbuf")]
    [InlineData("nowait")]
    [InlineData("zero")]
    public void A_module_named_like_a_malloc_type_or_flag_allocates_and_agrees_with_dotnet(string name) =>
        DifferentialRunner.Run(TestModules.Text("KernelNamedMallocType").Replace("[KernelModule(\"devbuf\")]", $"[KernelModule(\"{name}\")]"),
            new DifferentialOptions { InputsPerSyscall = 200 }, "KernelNamedMallocType.cs").ThrowIfFailed();

    [Fact]
    public void A_set_but_unused_local_compiles_as_under_kern_mk() => Run("SetButUnused");

    private static void Run(string module) => TestModules.AgreesWithDotnet(module, inputsPerSyscall: 200);
}
