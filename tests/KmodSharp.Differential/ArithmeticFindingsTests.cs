using System.IO;
using KmodSharp.Compiler;
using KmodSharp.Compiler.Diagnostics;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Compiler.Tools.Verification;
using KmodSharp.Differential.Support;
using Xunit;

namespace KmodSharp.Differential;

/// <summary>
/// Arithmetic and span findings of the program generator (issue 14): each module
/// (Modules/Regressions/) must compile with kern.mk's flags, run in the harness and agree with .NET
/// on every input, and clang must accept the same C.
/// </summary>
public sealed class ArithmeticFindingsTests
{
    [Fact]
    public void A_constant_zero_divisor_fails_with_EDOM_without_a_C_division_by_zero() => Run("ConstantZeroDivisor");

    [Fact]
    public void Span_arguments_are_evaluated_once() => Run("SpanArgumentsOnce");

    [Fact]
    public void MinValue_keeps_its_CSharp_type_and_value_in_C() => Run("MinValueArithmetic");

    [Fact]
    public void A_span_variable_takes_the_assigned_span_and_foreach_keeps_its_own() => Run("SpanAssignment");

    /// <summary>A span declared over a stackalloc is its C array: assigning it is an error at the assignment, not wrong C.</summary>
    [Fact]
    public void Assigning_a_stackalloc_span_is_an_error_where_it_is_written()
    {
        const string source = """
            using System;
            using KmodSharp;

            [KernelModule("spanarray")]
            public static class SpanArray
            {
                [Syscall]
                public static int Get(int v)
                {
                    Span<int> s = stackalloc int[4];
                    Span<int> t = stackalloc int[2];
                    s = t;
                    return s.Length + v;
                }
            }
            """;
        CompileResult compiled = KmodCompiler.Compile(
            new SourceInput([new SourceFile(Path.Combine(Path.GetTempPath(), "SpanArray.cs"), source)], Path.GetTempPath()), new LoweringOptions());

        KmsDiagnostic error = Assert.Single(compiled.Diagnostics, d => d.IsError);
        Assert.Equal(("KMS0900", 12), (error.Id, error.Location!.Line));
    }

    [Fact]
    public void Native_integer_limits_translate() => Run("NativeIntegerLimits");

    [Theory]
    [InlineData("ConstantZeroDivisor")]
    [InlineData("SpanArgumentsOnce")]
    [InlineData("MinValueArithmetic")]
    [InlineData("NativeIntegerLimits")]
    [InlineData("SpanAssignment")]
    public void Clang_compiles_the_modules_against_the_kernel_headers(string name)
    {
        using KernelHeaders headers = KernelHeaders.Host();
        AssertCompiles(name, headers);
    }

    /// <summary>The same C against a real tree's headers (INTPTR_MIN and the limits come from its sys/stdint.h).</summary>
    [FreeBsdTheory]
    [InlineData("ConstantZeroDivisor")]
    [InlineData("SpanArgumentsOnce")]
    [InlineData("MinValueArithmetic")]
    [InlineData("NativeIntegerLimits")]
    [InlineData("SpanAssignment")]
    public void Clang_compiles_the_modules_against_real_FreeBSD_headers(string name)
    {
        using KernelHeaders headers = KernelHeaders.FreeBsd(FreeBsdTheoryAttribute.SysDir!);
        AssertCompiles(name, headers);
    }

    /// <summary>
    /// Seed 44's first reduction dropped MallocFlags.Zero and then "reproduced" with a program that reads
    /// stale heap (poisoned in the harness, zero in the simulation), not with the Fill bug.
    /// </summary>
    [Fact]
    public void The_reducer_keeps_a_zeroed_allocation_zeroed()
    {
        const string program = """
            using System;
            using KmodSharp;

            [KernelModule("zeroed")]
            public static class Zeroed
            {
                [Syscall]
                public static int Read(int v)
                {
                    using KernelBuffer<uint> kb = Kernel.Allocate<uint>(16, MallocFlags.WaitOk | MallocFlags.Zero);
                    Span<uint> s = kb.Span;
                    return (int)s[v & 15] + v * 3;
                }
            }
            """;
        var reducer = new Generator.Reduction.Reducer(text => text.Contains("Kernel.Allocate", System.StringComparison.Ordinal)) { Budget = System.TimeSpan.FromSeconds(60) };

        string reduced = reducer.Reduce(program);

        Assert.Contains("MallocFlags.WaitOk | MallocFlags.Zero", reduced);
        Assert.DoesNotContain("v * 3", reduced);
    }

    private static void AssertCompiles(string name, KernelHeaders headers)
    {
        CompileResult compiled = KmodCompiler.Compile(
            new SourceInput([new SourceFile(Path.Combine(Path.GetTempPath(), name + ".cs"), TestModules.Text(name))], Path.GetTempPath()), new LoweringOptions());
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));

        VerifyResult result = ModuleVerifier.Verify(Assert.Single(compiled.Modules), headers);

        Assert.Empty(result.Diagnostics);
    }

    private static void Run(string module) => TestModules.AgreesWithDotnet(module, inputsPerSyscall: 400);
}
