using System.Collections.Generic;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Compiler.Pipeline.Lowering.Simplify;
using KmodSharp.Compiler.Tests.Support;
using Xunit;

namespace KmodSharp.Compiler.Tests.Lowering;

/// <summary>
/// Lowering/Simplify drops the checks the range analysis proves cannot fire, read on the lowered C
/// tree: each proved check is gone, and its twin, whose check can fire, keeps it. (The
/// differential tests ProvedChecksDifferentialTests run both against .NET.)
/// </summary>
public sealed class ProvedChecksTests
{
    private static readonly CIdentifier Einval = new("EINVAL"), Eoverflow = new("EOVERFLOW"), Edom = new("EDOM");

    private const string Header = """
        using System;
        using System.Runtime.CompilerServices;
        using KmodSharp;

        [InlineArray(8)]
        public struct Slots { private int slot; }

        public enum Mode { Plain, Twice, Thrice }

        """;

    [Theory]
    [InlineData("for (int i = 0; i < 8; i++) { cells[i] = seed * i; }", false)]
    [InlineData("for (int i = 0; i < cells.Length; i++) { cells[i] = seed * i; }", false)]
    [InlineData("for (int i = 0; i < 9; i++) { cells[i] = seed * i; }", true)]
    [InlineData("for (int i = 0; i <= 8; i++) { cells[i] = seed * i; }", true)]
    [InlineData("for (int i = -1; i < 8; i++) { cells[i + 1 & 7] = seed * i; cells[i] = 1; }", true)]
    [InlineData("for (int i = 0; i < 8; i++) { cells[i] = seed; i += seed; }", true)]
    [InlineData("for (int i = 0; i < seed; i++) { cells[i] = seed * i; }", true)]
    [InlineData("for (int i = 0; i < 8; i++) { Step(ref i); cells[i] = seed; } static void Step(ref int at) { at += 1; }", true)]
    [InlineData("for (uint i = 0; i < 8u; i++) { cells[(int)i] = seed; }", false)]
    [InlineData("for (long i = 0; i < 8L; i++) { cells[(int)i] = seed; }", false)]
    [InlineData("for (long i = 0; i < 8L; i++) { cells[(int)(i - 1 + 1)] = seed; cells[(int)(i - 1)] = seed; }", true)]
    public void A_bounds_check_under_a_loop_bound_goes_only_when_the_bound_is_the_length(string loop, bool kept)
    {
        CFunctionDefinition function = Lowered($$"""
            [KernelModule("loops")]
            public static class Loops
            {
                [Syscall]
                public static int Fill(int seed)
                {
                    Span<int> cells = stackalloc int[8];
                    {{loop}}
                    return cells[3];
                }
            }
            """, "loops_fill");

        Assert.Equal(kept, Failures(function).Contains(Einval));
    }

    [Theory]
    [InlineData(8, false)]
    [InlineData(9, true)]
    public void An_inline_array_indexed_by_its_loop_counter_keeps_its_check_only_past_the_end(int bound, bool kept)
    {
        CFunctionDefinition function = Lowered($$"""
            [KernelModule("slots")]
            public static class SlotModule
            {
                [Syscall]
                public static int Count(int step)
                {
                    Slots slots = default;
                    for (int n = 0; n < {{bound}}; n++)
                    {
                        slots[n] = step * n;
                    }

                    return slots[5];
                }
            }
            """, "slots_count");

        Assert.Equal(kept, Failures(function).Contains(Einval));
    }

    [Theory]
    [InlineData("if (len <= 0 || len > 256) { return Errno.EINVAL; }", false)]
    [InlineData("if (len < 1 || len > 256) { return Errno.EINVAL; }", false)]
    [InlineData("if (len > 256 || 0 > len) { return Errno.EINVAL; }", false)]
    [InlineData("if (len < -5 || len > 256) { return Errno.EINVAL; }", true)]
    [InlineData("if (len < 0 || len > 256) { return Errno.EINVAL; } len = len + 10;", false)]
    [InlineData("if (len < 0 || len > 256) { return Errno.EINVAL; } len = len - 10;", true)]
    public void The_negative_length_check_goes_after_a_range_check_that_excludes_negatives(string check, bool kept)
    {
        CFunctionDefinition function = Lowered($$"""
            [KernelModule("alloc")]
            public static class Alloc
            {
                [Syscall(Name = "alloc_sum")]
                public static SyscallResult<int> Sum(int len)
                {
                    {{check}}
                    using KernelBuffer<byte> buffer = Kernel.Allocate<byte>(len, MallocFlags.WaitOk | MallocFlags.Zero);
                    return buffer.Span.Length;
                }
            }
            """, "alloc_sum");

        Assert.Equal(kept, Failures(function).Contains(Eoverflow));
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("divisor += 1;", 2)]
    [InlineData("dividend = dividend + 1;", 1)]
    public void A_division_guard_repeated_for_the_same_operands_goes(string between, int zeroChecks)
    {
        CFunctionDefinition function = Lowered($$"""
            [KernelModule("divs")]
            public static class Divs
            {
                [Syscall(Name = "divs_both")]
                public static SyscallResult<int> Both(int dividend, int divisor)
                {
                    int quotient = dividend / divisor;
                    {{between}}
                    int remainder = dividend % divisor;
                    return quotient + remainder;
                }
            }
            """, "divs_both");

        Assert.Equal(zeroChecks, Failures(function).Count(errno => errno == Edom));
        // The MinValue / -1 guard reads the dividend too: a changed dividend keeps it.
        Assert.Equal(between.Length == 0 ? 1 : 2, Failures(function).Count(errno => errno == Eoverflow));
    }

    [Theory]
    [InlineData("cells.Fill(122);", false)]
    [InlineData("cells.Slice(0, 8).Fill(122);", true)]
    [InlineData("cells.Fill((byte)(cells[1] + 122));", true)]
    public void A_zeroing_goes_when_the_next_statement_overwrites_every_byte(string fill, bool kept)
    {
        CFunctionDefinition function = Lowered($$"""
            [KernelModule("fills")]
            public static class Fills
            {
                [Syscall]
                public static int Pick(int at)
                {
                    Span<byte> cells = stackalloc byte[16];
                    {{fill}}
                    return cells[at & 15];
                }
            }
            """, "fills_pick");

        bool zeroed = Statements(function).OfType<CExpressionStatement>()
            .Any(s => s.Expression is CCall { Function: CIdentifier { Name: "memset" }, Arguments: [_, CIntegerLiteral { Value.IsZero: true }, _] });
        Assert.Equal(kept, zeroed);
        // Masked into 0 … 15, the index of a 16-byte span needs no check.
        Assert.DoesNotContain(Einval, Failures(function));
    }

    [Theory]
    [InlineData("default: return Errno.EINVAL;", "", false)]
    [InlineData("case Mode.Thrice: return value * 3;", "return -1;", true)]
    [InlineData("case Mode.Thrice: break; default: return Errno.EINVAL;", "return -1;", true)]
    public void The_return_after_a_switch_whose_every_section_returns_goes(string last, string after, bool kept)
    {
        CFunctionDefinition function = Lowered($$"""
            [KernelModule("modes")]
            public static class Modes
            {
                [Syscall]
                public static SyscallResult<int> Apply(Mode mode, int value)
                {
                    switch (mode)
                    {
                        case Mode.Plain:
                            return value;
                        case Mode.Twice:
                            return value * 2;
                        {{last}}
                    }

                    {{after}}
                }
            }
            """, "modes_apply");

        // The lowering ends an errno-returning function that does not end in a jump with "return (0);".
        Assert.Equal(kept, function.Body.Statements[^1] is CReturn);
        Assert.Equal(!kept, function.Body.Statements[^1] is CSwitch);
    }

    // A local nothing reads would be set but unused (a kern.mk warning): it goes with stores that
    // change nothing, as a switch's copy of its subject does when no arm's pattern reads it.
    [Theory]
    [InlineData("int scratch; scratch = value * 3; return value;", "scratch", false)]
    [InlineData("int scratch; scratch = value * 3; return scratch;", "scratch", true)]
    [InlineData("int scratch; scratch = Bump(); return value;", "scratch", true)]
    [InlineData("int copy; copy = value; int scratch; scratch = copy + 1; return value;", "copy", false)]
    [InlineData("return value switch { _ when Bump() > 3 => 1, _ => 2 };", "kms_tmp", false)]
    [InlineData("return value switch { > 0 when Bump() > 3 => 1, _ => 2 };", "kms_tmp", true)]
    public void A_local_nothing_reads_goes_with_its_quiet_stores(string body, string local, bool kept)
    {
        CFunctionDefinition function = UnreadApply(body);

        Assert.Equal(kept, Statements(function).OfType<CLocalDeclaration>().Any(d => d.Name == local));
        Assert.Equal(body.Contains("Bump()"), Statements(function).Any(s => CVariables.Own(s).SelectMany(CVariables.Expressions).OfType<CCall>().Any(c => c.Function is CIdentifier { Name: "unread_bump" })));
    }

    // The same for an empty if on a parameter: once nothing reads it, a parameter nothing assigns
    // draws no warning (kern.mk has no -Wextra); an assigned one would be set but unused, so its if stays.
    [Theory]
    [InlineData("if (value > 3) { } return 1;", false)]
    [InlineData("value = Bump(); if (value > 3) { } return 1;", true)]
    [InlineData("if (value > 3) { } return value;", false)]
    public void An_empty_if_on_a_parameter_goes_unless_the_parameter_is_assigned(string body, bool kept)
    {
        CFunctionDefinition function = UnreadApply(body);

        Assert.Equal(kept, Statements(function).OfType<CIf>().Any());
    }

    // A handler with the given body, beside a helper with an effect (Bump).
    private static CFunctionDefinition UnreadApply(string body) => Lowered($$"""
        [KernelModule("unread")]
        public static class Unread
        {
            private static int s_count;

            private static int Bump() => ++s_count;

            [Syscall]
            public static int Apply(int value)
            {
                {{body}}
            }
        }
        """, "unread_apply");

    private static CFunctionDefinition Lowered(string module, string function)
    {
        string source = Header + module;
        TestCompiler.Module(source);
        var input = new SourceInput([new SourceFile(Path.Combine(Path.GetTempPath(), "Module.cs"), source)], Path.GetTempPath());
        BoundModule bound = Assert.Single(ModuleBinder.Bind(CompilationFactory.Create(input)));
        LoweredModule lowered = ModuleLowering.Lower(bound, new LoweringOptions());
        return lowered.Source.Declarations.OfType<CFunctionDefinition>().Single(f => f.Name == function);
    }

    /// <summary>The errno each failure path returns (every <c>return (E…)</c> under an <c>if</c>).</summary>
    private static List<CExpr> Failures(CFunctionDefinition function) =>
        [.. Statements(function).OfType<CIf>().SelectMany(i => CVariables.Statements(i.Then)).OfType<CReturn>()
            .Select(r => r.Value).OfType<CIdentifier>().Where(e => e.Name.StartsWith('E')).Cast<CExpr>()];

    private static IEnumerable<CStmt> Statements(CFunctionDefinition function) => CVariables.Statements(function.Body);
}
