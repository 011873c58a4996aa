using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Lowering;

/// <summary>
/// Helpers returning a span or a <c>KernelBuffer</c>, in the host harness: the span comes back through
/// <c>resultp</c>/<c>result_lenp</c>, a helper's failure is its caller's, and a returned buffer is freed
/// by the caller's <c>using</c> on every path (the harness counts malloc(9) leaks).
/// </summary>
public sealed class ReturnedSpanAndBufferTests
{
    private const int EINVAL = 22, EOVERFLOW = 84, ENOMEM = 12;

    private static readonly ModuleArtifacts Module = TestCompiler.Module("""
        using System;
        using KmodSharp;

        // Bad bounds reach the helpers unchecked on purpose: the run-time check (EINVAL) is under test.
        #pragma warning disable KMS0205
        [KernelModule("handback")]
        public static class HandBack
        {
            [Syscall(Name = "hb_header")]
            public static SyscallResult<int> Header(int skip) => PayloadSum(skip);

            [Syscall(Name = "hb_owned")]
            public static SyscallResult<int> Owned(int count, int bail)
            {
                if (count > 64)
                {
                    return Errno.E2BIG;
                }

                using KernelBuffer<uint> scratch = Scratch(count);
                if (scratch.IsNull)
                {
                    return Errno.ENOMEM;
                }

                if (bail != 0)
                {
                    return Errno.EAGAIN;
                }

                return scratch.Length;
            }

            private static int PayloadSum(int skip)
            {
                Span<byte> frame = stackalloc byte[] { 0x4b, 0x4d, 7, 1, 2, 3 };
                int sum = 0;
                foreach (byte b in Payload(frame, skip))
                {
                    sum += b;
                }

                return sum;
            }

            private static ReadOnlySpan<byte> Payload(ReadOnlySpan<byte> frame, int skip) => frame[(2 + skip)..];

            private static KernelBuffer<uint> Scratch(int count) => Kernel.Allocate<uint>(count, MallocFlags.NoWait | MallocFlags.Zero);
        }
        """, "HandBack.cs");

    [Theory]
    [InlineData(0, 0, 13L)]
    [InlineData(2, 0, 5L)]
    [InlineData(3, 0, 3L)]
    [InlineData(4, 0, 0L)]
    [InlineData(5, EINVAL, -1L)]
    [InlineData(-3, EINVAL, -1L)]
    public void A_returned_span_is_the_slice_and_a_bad_bound_fails_the_caller(int skip, int errno, long retval)
    {
        SimulationReport report = HostSimulator.Run([Module], [new SimCall("hb_header", [skip.ToString(System.Globalization.CultureInfo.InvariantCulture)])], new SimEnvironment());

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal((errno, retval), (report.Calls.Single().Error, report.Calls.Single().Retval));
    }

    [Theory]
    [InlineData("5", "0", 0, 0, 5L)]
    [InlineData("5", "1", 0, 35, -1L)]
    [InlineData("5", "0", 1, ENOMEM, -1L)]
    [InlineData("-1", "0", 0, EOVERFLOW, -1L)]
    public void A_returned_buffer_is_freed_by_the_callers_using_on_every_path(string count, string bail, int failAllocation, int errno, long retval)
    {
        SimulationReport report = HostSimulator.Run([Module], [new SimCall("hb_owned", [count, bail])], new SimEnvironment(FailNoWaitAllocation: failAllocation));

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal((errno, retval), (report.Calls.Single().Error, report.Calls.Single().Retval));
    }

    [Fact]
    public void The_helpers_hand_back_through_out_pointers()
    {
        Assert.Contains("handback_payload(const uint8_t *frame, size_t frame_len, int skip, const uint8_t **resultp, size_t *result_lenp)", TestCompiler.Unwrapped(Module.CSource()));
        Assert.Contains("*resultp = malloc((size_t)count * sizeof(u_int), M_HANDBACK, M_NOWAIT | M_ZERO);", TestCompiler.Unwrapped(Module.CFunction("handback_scratch")));
    }
}
