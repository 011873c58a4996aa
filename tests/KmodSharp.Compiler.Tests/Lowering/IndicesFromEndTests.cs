using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Lowering;

/// <summary>
/// <c>s[^k]</c> and <c>s[a..b]</c> in the host harness: the element or slice C# gives, EINVAL where
/// .NET throws (^0, a bound past either end, a start after the end), and constant bounds on a
/// constant-size array folded to plain indices with no check.
/// </summary>
public sealed class IndicesFromEndTests
{
    private const int EINVAL = 22;

    private static readonly ModuleArtifacts Module = TestCompiler.Module("""
        using System;
        using KmodSharp;

        // Bad bounds reach the helpers unchecked on purpose: the run-time check (EINVAL) is under test.
        #pragma warning disable KMS0205
        [KernelModule("tailpick")]
        public static class TailPick
        {
            [Syscall(Name = "tp_pick")]
            public static SyscallResult<int> Pick(int back) => PickFrom(back);

            [Syscall(Name = "tp_window")]
            public static SyscallResult<int> Window(int low, int high) => WindowOf(low, high);

            [Syscall(Name = "tp_fixed")]
            public static int Fixed()
            {
                Span<short> ring = stackalloc short[] { 3, 1, 4, 1, 5 };
                Span<short> inner = ring[1..^1];
                return ring[^1] * 1000 + inner[^1] * 100 + inner.Length;
            }

            private static int PickFrom(int back)
            {
                ReadOnlySpan<int> primes = stackalloc int[] { 2, 3, 5, 7, 11, 13 };
                return primes[^back];
            }

            // The digits low .. high-from-the-end, as a number.
            private static int WindowOf(int low, int high)
            {
                Span<byte> digits = stackalloc byte[] { 9, 8, 7, 6, 5, 4, 3 };
                int number = 0;
                foreach (byte digit in digits[low..^high])
                {
                    number = number * 10 + digit;
                }

                return number;
            }
        }
        """, "TailPick.cs");

    [Theory]
    [InlineData(1, 0, 13L)]
    [InlineData(6, 0, 2L)]
    [InlineData(3, 0, 7L)]
    [InlineData(0, EINVAL, -1L)]
    [InlineData(7, EINVAL, -1L)]
    [InlineData(-1, EINVAL, -1L)]
    [InlineData(int.MinValue, EINVAL, -1L)]
    public void An_index_from_the_end_is_the_element_or_EINVAL(int back, int errno, long retval) =>
        AssertCall("tp_pick", [back.ToString(System.Globalization.CultureInfo.InvariantCulture)], errno, retval);

    [Theory]
    [InlineData(0, 0, 0, 9876543L)]
    [InlineData(2, 3, 0, 76L)]
    [InlineData(3, 4, 0, 0L)]
    [InlineData(4, 4, EINVAL, -1L)]
    [InlineData(-1, 0, EINVAL, -1L)]
    [InlineData(0, 8, EINVAL, -1L)]
    [InlineData(0, -1, EINVAL, -1L)]
    public void A_range_is_the_slice_or_EINVAL(int low, int high, int errno, long retval) =>
        AssertCall("tp_window", [low.ToString(System.Globalization.CultureInfo.InvariantCulture), high.ToString(System.Globalization.CultureInfo.InvariantCulture)], errno, retval);

    [Fact]
    public void Constant_bounds_on_a_constant_array_need_no_check()
    {
        string function = Module.CFunction("tailpick_fixed");

        Assert.Contains("inner = ring + 1;", function);
        Assert.Contains("inner_len = 3;", function);
        Assert.Contains("ring[4]", function);
        // inner[^1] is lowered with a check of the span variable's length, which the range analysis
        // (Lowering/Simplify) then proves false: inner_len was just set to 3.
        Assert.Empty(System.Text.RegularExpressions.Regex.Matches(function, "EINVAL"));
        Assert.DoesNotContain("if (inner_len < 1) {", function);
        AssertCall("tp_fixed", [], 0, 5000 + 100 + 3);
    }

    private static void AssertCall(string syscall, string[] arguments, int errno, long retval)
    {
        SimulationReport report = HostSimulator.Run([Module], [new SimCall(syscall, [.. arguments])], new SimEnvironment());

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal((errno, retval), (report.Calls.Single().Error, report.Calls.Single().Retval));
    }
}
