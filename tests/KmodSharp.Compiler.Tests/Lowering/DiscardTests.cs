using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Lowering;

/// <summary>Discards: <c>out _</c> gets a scratch local the callee writes, <c>_ = expr;</c> keeps the call and drops the value.</summary>
public sealed class DiscardTests
{
    private static readonly ModuleArtifacts Module = TestCompiler.Module("""
        using System;
        using KmodSharp;

        [KernelModule("discards")]
        public static class Discards
        {
            private static int calls;

            [Syscall(Name = "discard_first")]
            public static SyscallResult<int> First(UserString text)
            {
                Span<byte> buffer = stackalloc byte[32];
                if (Kernel.CopyInString(text, buffer, out _) != Errno.None)
                {
                    return Errno.EFAULT;
                }

                _ = Count();
                _ = Count();
                return buffer[0] + calls * 1000;
            }

            private static int Count() => ++calls;
        }
        """, "Discards.cs");

    [Fact]
    public void Out_and_assignment_discards_translate_and_keep_their_side_effects()
    {
        SimulationReport report = HostSimulator.Run([Module], [new SimCall("discard_first", ["s:A"]), new SimCall("discard_first", ["a:0x10"])]);

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal([(0, 65L + 2000), (14, 0L)], report.Calls.Select(c => (c.Error, c.Error == 0 ? c.Retval : 0)));
    }
}
