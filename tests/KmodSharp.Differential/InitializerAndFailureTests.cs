using System.IO;
using System.Linq;
using KmodSharp.Compiler;
using KmodSharp.Compiler.Diagnostics;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Compiler.Tools.Verification;
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
    public void Failures_inside_helpers_in_every_shape_fail_the_syscall() => Run("HelperFailureShapes");

    [Fact]
    public void Helpers_whose_every_path_returns_compile() => Run("ExhaustiveReturns");

    /// <summary>The harness compiles with gcc; clang (the FreeBSD kernel's compiler) must accept the same C: it refused a switch on a bool.</summary>
    [Theory]
    [InlineData("StackallocInitializers")]
    [InlineData("StaticInitializers")]
    [InlineData("HelperFailures")]
    [InlineData("HelperFailureShapes")]
    [InlineData("ExhaustiveReturns")]
    public void Clang_compiles_the_modules_against_the_kernel_headers(string name)
    {
        CompileResult compiled = KmodCompiler.Compile(
            new SourceInput([new SourceFile(Path.Combine(Path.GetTempPath(), name + ".cs"), TestModules.Text(name))], Path.GetTempPath()), new LoweringOptions());
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
        using KernelHeaders headers = KernelHeaders.Host();

        VerifyResult result = ModuleVerifier.Verify(Assert.Single(compiled.Modules), headers);

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_static_initializer_that_runs_code_is_rejected_where_it_is_written()
    {
        const string source = """
            using KmodSharp;

            public struct Box { public int Size; }

            [KernelModule("staticcode")]
            public static class StaticCode
            {
                private static int s_base = 4;
                private static int s_called = Compute();
                private static int s_derived = s_base * 2;
                private static Box s_box = new Box { Size = Compute() };

                private static int Compute() => 42;

                [Syscall(Name = "staticcode_get")]
                public static int Get() => s_called + s_derived + s_box.Size;
            }
            """;
        CompileResult compiled = KmodCompiler.Compile(
            new SourceInput([new SourceFile(Path.Combine(Path.GetTempPath(), "StaticCode.cs"), source)], Path.GetTempPath()), new LoweringOptions());

        // Zero would be a silent wrong value: each initializer that is not a constant is an error at its line.
        KmsDiagnostic[] errors = [.. compiled.Diagnostics.Where(d => d.IsError)];
        Assert.All(errors, d => Assert.Equal("KMS0900", d.Id));
        Assert.Equal([9, 10, 11], errors.Select(d => d.Location!.Line).Order());
    }

    private static void Run(string module) => TestModules.AgreesWithDotnet(module, inputsPerSyscall: 300);
}
