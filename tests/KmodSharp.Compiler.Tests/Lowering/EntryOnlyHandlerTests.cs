using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Lowering;

/// <summary>
/// A handler that only its syscall entry calls is <c>__always_inline</c>, so every compiler merges
/// it into the entry (gcc would keep one with a large stackalloc apart); a handler other C# code
/// also calls stays a function of its own. Both still run as C# does.
/// </summary>
public sealed class EntryOnlyHandlerTests
{
    private static readonly ModuleArtifacts Module = TestCompiler.Module("""
        using System;
        using KmodSharp;

        [KernelModule("entryonly")]
        public static class EntryOnly
        {
            [Syscall(Name = "eo_sum")]
            public static int Sum(int count)
            {
                Span<byte> scratch = stackalloc byte[512];
                scratch.Fill(1);
                return count <= 0 ? 0 : scratch.Slice(0, count > 512 ? 512 : count).Length + Twice(count);
            }

            [Syscall(Name = "eo_twice")]
            public static int Twice(int value) => value * 2;
        }
        """, "EntryOnly.cs");

    [Fact]
    public void Only_the_handler_no_other_code_calls_is_inlined()
    {
        string c = Module.CSource();

        Assert.Contains("static __always_inline int\nentryonly_sum(", c);
        Assert.Contains("static int\nentryonly_twice(int value)", c);
    }

    [Fact]
    public void Both_run_as_CSharp_does()
    {
        SimulationReport report = HostSimulator.Run([Module], [new SimCall("eo_sum", ["600"]), new SimCall("eo_sum", ["3"]), new SimCall("eo_twice", ["21"])]);

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal([1712L, 9L, 42L], report.Calls.Select(c => c.Retval));
    }
}
