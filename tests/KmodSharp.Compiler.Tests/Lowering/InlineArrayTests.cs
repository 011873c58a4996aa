using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Lowering;

/// <summary>[InlineArray] structs: C#'s layout in C, bounds-checked element access, spans and foreach over them; run in the host harness.</summary>
public sealed class InlineArrayTests
{
    private const string Declarations = """
        using System;
        using System.Runtime.CompilerServices;
        using KmodSharp;

        [InlineArray(6)]
        public struct Shorts6 { private short item; }

        public struct Record
        {
            public byte Kind;
            public Shorts6 Values;
            public long Stamp;
        }

        """;

    private static readonly ModuleArtifacts Module = TestCompiler.Module(Declarations + """
        [KernelModule("inlinearr")]
        public static class InlineArr
        {
            [Syscall(Name = "ia_set")]
            public static int Set(int index, short value)
            {
                var r = new Record { Kind = 1 };
                r.Values[index] = value;
                r.Values[index] *= 3;
                r.Values[5] = 7;
                int total = 0;
                foreach (short v in r.Values)
                {
                    total += v;
                }

                return total;
            }
        }
        """, "InlineArr.cs");

    [Theory]
    [InlineData(0, 10, 0, 37)]
    [InlineData(5, 100, 0, 7)]
    [InlineData(4, short.MinValue, 0, (short.MinValue * 3 % 65536) + 7)]
    [InlineData(6, 1, 22, -1)]
    [InlineData(-1, 1, 22, -1)]
    public void Element_access_is_checked_like_dotnet(int index, short value, int errno, int expected)
    {
        SimulationReport report = HostSimulator.Run([Module], [new SimCall("ia_set", [$"{index}", $"{value}"])]);

        Assert.True(report.Clean, report.Stderr);
        SimCallResult call = report.Calls.Single();
        Assert.Equal((errno, (long)expected), (call.Error, call.Retval));
    }

    [Fact]
    public void The_C_struct_has_the_CSharp_layout_and_a_constant_index_has_no_check()
    {
        string c = Module.CSource();

        Assert.Contains("struct shorts6 {\n\tint16_t item[6];\n};", c);
        Assert.Contains("_Static_assert(sizeof(struct record) == 24,", c);
        Assert.Contains("_Static_assert(__offsetof(struct record, stamp) == 16,", c);
        Assert.Contains("\tr.values.item[5] = 7;", c);
        // r.Values[index] = …; r.Values[index] *= 3;: the second access repeats the first's check on an unchanged index (Lowering/Simplify drops it).
        Assert.Equal(1, c.Split("if ((size_t)index >= 6)").Length - 1);
    }

    [Theory]
    [InlineData("r.Values[1..3][0]", 20)]
    [InlineData("r.Values[^1]", 60)]
    [InlineData("r.Values[^i..][0]", 40)]
    [InlineData("r.Values[..^i].Length", 3)]
    public void Ranges_and_from_end_indices_translate(string access, int expected)
    {
        ModuleArtifacts module = TestCompiler.Module(Declarations + $$"""
            [KernelModule("inlineend")]
            public static class InlineEnd
            {
                [Syscall(Name = "ie_get")]
                public static int Get(int i)
                {
                    // KMS0205: a syscall argument used as a range bound is bounded first.
                    if (i < 0 || i > 6)
                    {
                        return -1;
                    }

                    var r = new Record();
                    for (int k = 0; k < 6; k++)
                    {
                        r.Values[k] = (short)((k + 1) * 10);
                    }

                    return {{access}};
                }
            }
            """, "InlineEnd.cs");

        SimulationReport report = HostSimulator.Run([module], [new SimCall("ie_get", ["3"])], new SimEnvironment());

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal((0, (long)expected), (report.Calls.Single().Error, report.Calls.Single().Retval));
    }

    [Fact]
    public void A_fixed_buffer_element_needs_unsafe_code_which_is_a_diagnostic()
    {
        CompileResult result = TestCompiler.CompileSource("""
            using KmodSharp;

            public unsafe struct Name { public fixed byte Bytes[8]; }

            [KernelModule("fixedbuf")]
            public static class FixedBuf
            {
                [Syscall]
                public static int Get(int i)
                {
                    var n = new Name();
                    unsafe { return n.Bytes[i]; }
                }
            }
            """);

        Assert.True(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Id == "KMS0900" && d.Location?.Line == 12);
    }
}
