using System.Globalization;
using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Lowering;

/// <summary>Static local functions become static C functions of their own, run in the host harness; the others stay diagnostics.</summary>
public sealed class LocalFunctionTests
{
    private static readonly ModuleArtifacts Module = TestCompiler.Module("""
        using System;
        using KmodSharp;

        [KernelModule("localfns")]
        public static class LocalFns
        {
            private static int calls;

            [Syscall(Name = "lf_mix")]
            public static int Mix(int a, int b)
            {
                return Clamp(a) + Twice(b);

                static int Clamp(int x) => x < -100 ? -100 : x > 100 ? 100 : x;

                static int Twice(int x)
                {
                    static int Inner(int y) => y * 2;
                    return Inner(x) + Square(x & 7);

                    static int Square(int v) => v * v;
                }
            }

            [Syscall(Name = "lf_count")]
            public static int Count()
            {
                return Bump();

                // Module state is not a capture: a static local function may use it.
                static int Bump()
                {
                    calls++;
                    return calls;
                }
            }

            [Syscall(Name = "lf_clamp_again")]
            public static int ClampAgain(int a)
            {
                return Clamp(a);

                // Same name as Mix's Clamp: a C function of its own under a distinct name.
                static int Clamp(int x) => x & 0xff;
            }

            [Syscall(Name = "lf_divide")]
            public static SyscallResult<int> Divide(int a, int b)
            {
                int q = Quotient(a, b);
                return q + 1;

                static int Quotient(int x, int y) => x / y;
            }

            [Syscall(Name = "lf_sum")]
            public static int Sum(int n)
            {
                Span<int> values = stackalloc int[8];
                Fill(values, n);
                return Total(values);

                static void Fill(Span<int> span, int seed)
                {
                    for (int i = 0; i < span.Length; i++)
                    {
                        span[i] = seed + i;
                    }
                }

                static int Total(ReadOnlySpan<int> span)
                {
                    int total = 0;
                    foreach (int v in span)
                    {
                        total += v;
                    }

                    return total;
                }
            }
        }
        """, "LocalFns.cs");

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-500, 3)]
    [InlineData(500, -9)]
    [InlineData(int.MinValue, int.MaxValue)]
    [InlineData(42, int.MinValue)]
    public void Static_local_functions_compute_what_CSharp_computes(int a, int b)
    {
        SimulationReport report = HostSimulator.Run([Module],
        [
            Call("lf_mix", a, b),
            Call("lf_clamp_again", a),
            Call("lf_sum", b),
        ]);

        Assert.True(report.Clean, report.Stderr + string.Join("; ", report.Violations));
        int clamp = a < -100 ? -100 : a > 100 ? 100 : a;
        int sum = 0;
        for (int i = 0; i < 8; i++)
        {
            sum += unchecked(b + i);
        }

        Assert.Equal([unchecked(clamp + (b * 2) + ((b & 7) * (b & 7))), a & 0xff, sum], report.Calls.Select(c => (int)c.Retval));
    }

    [Fact]
    public void A_static_local_function_updates_module_state()
    {
        SimulationReport report = HostSimulator.Run([Module], [Call("lf_count"), Call("lf_count"), Call("lf_count")]);

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal([1L, 2L, 3L], report.Calls.Select(c => c.Retval));
    }

    [Fact]
    public void A_local_function_that_can_fail_passes_its_errno_to_the_syscall()
    {
        SimulationReport report = HostSimulator.Run([Module], [Call("lf_divide", 7, 2), Call("lf_divide", 7, 0), Call("lf_divide", int.MinValue, -1)]);

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal([(0, 4L), (33, -1L), (84, -1L)], report.Calls.Select(c => (c.Error, c.Retval)));
    }

    [Fact]
    public void Each_local_function_is_a_static_C_function_named_after_its_container()
    {
        string c = Module.CSource();

        Assert.Contains("localfns_mix_clamp(int x)", c);
        Assert.Contains("localfns_clamp_again_clamp(int x)", c);
        Assert.Contains("localfns_twice_inner(int y)", c);
        Assert.Equal(1, c.Split("localfns_mix_clamp(int x)\n{").Length - 1);
    }

    [Fact]
    public void A_local_function_that_may_capture_is_a_diagnostic_at_its_name()
    {
        CompileResult result = TestCompiler.CompileSource("""
            using KmodSharp;

            [KernelModule("capture")]
            public static class Capture
            {
                [Syscall]
                public static int Add(int a)
                {
                    return Plus(1);

                    int Plus(int x) => a + x;
                }
            }
            """);

        Assert.True(result.HasErrors);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("KMS0900", error.Id);
        Assert.Contains("non-static local function", error.Message, System.StringComparison.Ordinal);
        Assert.Equal(11, error.Location?.Line);
    }

    [Fact]
    public void Recursion_through_a_static_local_function_is_rejected()
    {
        CompileResult result = TestCompiler.CompileSource("""
            using KmodSharp;

            [KernelModule("recurse")]
            public static class Recurse
            {
                [Syscall]
                public static int Fact(int n)
                {
                    return F(n);

                    static int F(int k) => k <= 1 ? 1 : k * F(k - 1);
                }
            }
            """);

        Assert.Contains(result.Diagnostics, d => d.Id == "KMS0101" && d.Message.Contains("F → F", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_static_local_functions_frame_counts_on_top_of_its_callers()
    {
        CompileResult result = TestCompiler.CompileSource("""
            using System;
            using KmodSharp;

            [KernelModule("deep")]
            public static class Deep
            {
                [Syscall]
                public static int Big(int n)
                {
                    Span<byte> mine = stackalloc byte[600];
                    mine[0] = (byte)n;
                    return Inner(n) + mine[0];

                    static int Inner(int k)
                    {
                        Span<byte> scratch = stackalloc byte[600];
                        scratch[0] = (byte)k;
                        return scratch[0];
                    }
                }
            }
            """);

        var error = Assert.Single(result.Diagnostics, d => d.Id == "KMS0102");
        Assert.Contains("Inner (", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_and_a_method_that_meet_on_one_C_name_get_distinct_names()
    {
        ModuleArtifacts module = TestCompiler.Module("""
            using KmodSharp;

            [KernelModule("clash")]
            public static class Clash
            {
                private static int calls;
                private static int modevent;

                [Syscall(Name = "clash_bump")]
                public static int Bump() => Calls() + modevent;

                private static int Calls() => ++calls;

                [ModuleLoad]
                private static Errno OnLoad()
                {
                    modevent = 100;
                    return Errno.None;
                }
            }
            """, "Clash.cs");

        SimulationReport report = HostSimulator.Run([module], [Call("clash_bump"), Call("clash_bump")]);

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal([101L, 102L], report.Calls.Select(c => c.Retval));
    }

    private static SimCall Call(string name, params int[] arguments) =>
        new(name, [.. arguments.Select(a => a.ToString(CultureInfo.InvariantCulture))]);
}
