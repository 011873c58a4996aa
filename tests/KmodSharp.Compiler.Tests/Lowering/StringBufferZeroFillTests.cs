using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Lowering;

/// <summary>
/// A stackalloc buffer skips its zero fill only when no byte the fill would set can be read:
/// a copyinstr destination whose failure returns at once, printed with %s afterwards. Every
/// other shape keeps the fill, which the harness proves: its kernel stack is painted with a
/// poison byte before each call, so a missing fill reads as non-zero bytes.
/// </summary>
public sealed class StringBufferZeroFillTests
{
    private static readonly ModuleArtifacts Module = TestCompiler.Module("""
        using System;
        using KmodSharp;

        [KernelModule("zerofill")]
        public static class ZeroFill
        {
            [Syscall(Name = "zf_greet")]
            public static SyscallResult<int> Greet(UserString name)
            {
                Span<byte> text = stackalloc byte[128];
                Errno error = Kernel.CopyInString(name, text, out nuint length);
                if (error != Errno.None)
                {
                    return error;
                }

                Kernel.Printf("hello %s\n", text);
                return (int)length;
            }

            [Syscall(Name = "zf_peek")]
            public static SyscallResult<int> Peek(UserString name, int index)
            {
                Span<byte> text = stackalloc byte[64];
                if (Kernel.CopyInString(name, text, out nuint copied) != Errno.None)
                {
                    return Errno.EFAULT;
                }

                return text[index];
            }

            [Syscall(Name = "zf_unchecked")]
            public static int Unchecked(UserString name)
            {
                Span<byte> text = stackalloc byte[64];
                Errno error = Kernel.CopyInString(name, text, out nuint copied);
                Kernel.Printf("copied [%s]\n", text);
                return (int)error;
            }
        }
        """, "ZeroFill.cs");

    [Fact]
    public void A_checked_copy_printed_as_a_string_has_no_zero_fill_and_prints_the_string()
    {
        string greet = Module.CFunction("zerofill_greet");
        Assert.DoesNotContain("memset", greet, System.StringComparison.Ordinal);

        SimulationReport report = HostSimulator.Run([Module], [new SimCall("zf_greet", ["s:kernel"])]);

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal(7, report.Calls.Single().Retval);
        Assert.Contains("hello kernel", report.Log);
    }

    [Fact]
    public void A_buffer_read_past_the_string_keeps_its_zero_fill()
    {
        SimulationReport report = HostSimulator.Run([Module], [new SimCall("zf_peek", ["s:hi", "40"])]);

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal((0, 0L), (report.Calls.Single().Error, report.Calls.Single().Retval));
    }

    [Fact]
    public void A_buffer_printed_without_checking_the_copy_keeps_its_zero_fill()
    {
        // An unmapped user address: copyinstr fails, and C# prints the still-zeroed buffer.
        SimulationReport report = HostSimulator.Run([Module], [new SimCall("zf_unchecked", ["a:0x10"])]);

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal(14, report.Calls.Single().Retval);
        Assert.Contains("copied []", report.Log);
    }
}
