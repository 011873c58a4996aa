using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Lowering;

/// <summary><c>Kernel.Printf</c> with up to eight arguments: each checked against its conversion, printed by the harness's printf.</summary>
public sealed class PrintfArityTests
{
    [Fact]
    public void Eight_arguments_reach_printf_in_order()
    {
        ModuleArtifacts module = TestCompiler.Module("""
            using System;
            using KmodSharp;

            [KernelModule("printf8")]
            public static class Printf8
            {
                [Syscall(Name = "printf8_log")]
                public static int Log(int a, long b, uint c, short d)
                {
                    Span<byte> tag = stackalloc byte[3];
                    tag[0] = (byte)'k';
                    tag[1] = (byte)'m';
                    Kernel.Printf("%d %ld %u %hd %x %s %c %zd\n", a, b, c, d, c, tag, (byte)'!', (nint)a);
                    return 0;
                }
            }
            """);

        SimulationReport report = HostSimulator.Run([module], [new SimCall("printf8_log", ["-7", "-9223372036854775808", "4294967295", "-2"])]);

        Assert.True(report.Clean, report.Stderr);
        Assert.Contains("-7 -9223372036854775808 4294967295 -2 ffffffff km ! -7", report.Log);
    }

    [Fact]
    public void The_seventh_argument_is_checked_against_its_conversion()
    {
        CompileResult result = TestCompiler.CompileSource("""
            using KmodSharp;

            [KernelModule("printf7")]
            public static class Printf7
            {
                [Syscall]
                public static int Log(int a, long b)
                {
                    Kernel.Printf("%d %d %d %d %d %d %d\n", a, a, a, a, a, a, b);
                    return 0;
                }
            }
            """);

        var mismatch = Assert.Single(result.Diagnostics, d => d.Id == "KMS0302");
        Assert.Equal(9, mismatch.Location?.Line);
        Assert.Equal(67, mismatch.Location?.Column);
    }
}
