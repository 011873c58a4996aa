using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Lowering;

/// <summary>
/// A byte span prints with <c>%.*s</c> and its length, except a whole buffer that holds
/// copyinstr's string wherever it is read (the destination of a checked copy, only printed
/// afterwards): copyinstr(9) put a NUL inside it, so plain <c>%s</c> prints the same bytes. Each
/// other shape keeps <c>%.*s</c> and prints no byte past the span: ASan in the harness turns a
/// read past a stack buffer into a failed run, and its stack is poisoned, so a missing NUL shows.
/// </summary>
public sealed class PrintfCopiedStringTests
{
    private static readonly ModuleArtifacts Module = TestCompiler.Module("""
        using System;
        using KmodSharp;

        [KernelModule("pcs")]
        public static class PrintCopied
        {
            [Syscall(Name = "pcs_proven")]
            public static SyscallResult<int> Proven(UserString name)
            {
                Span<byte> text = stackalloc byte[16];
                Errno error = Kernel.CopyInString(name, text, out nuint length);
                if (error != Errno.None)
                {
                    return error;
                }

                Kernel.Printf("proven [%s]\n", text);
                Kernel.Printf("again [%-8s]\n", text);
                return (int)length;
            }

            [Syscall(Name = "pcs_direct")]
            public static Errno Direct(UserString name)
            {
                Span<byte> text = stackalloc byte[16];
                if (Kernel.CopyInString(name, text, out _) != Errno.None)
                {
                    return Errno.EFAULT;
                }

                Kernel.Printf("direct [%s]\n", text);
                return Errno.None;
            }

            [Syscall(Name = "pcs_written")]
            public static Errno Written(UserString name)
            {
                Span<byte> text = stackalloc byte[16];
                Errno error = Kernel.CopyInString(name, text, out _);
                if (error != Errno.None)
                {
                    return error;
                }

                text.Fill((byte)'A');
                Kernel.Printf("written [%s]\n", text);
                return Errno.None;
            }

            [Syscall(Name = "pcs_unchecked")]
            public static int Unchecked(UserString name)
            {
                Span<byte> text = stackalloc byte[4];
                Errno error = Kernel.CopyInString(name, text, out _);
                Kernel.Printf("unchecked [%s]\n", text);
                return (int)error;
            }

            [Syscall(Name = "pcs_slice")]
            public static Errno Slice(UserString name)
            {
                Span<byte> text = stackalloc byte[16];
                Errno error = Kernel.CopyInString(name, text, out _);
                if (error != Errno.None)
                {
                    return error;
                }

                Kernel.Printf("slice [%s]\n", text.Slice(0, 3));
                return Errno.None;
            }

            [Syscall(Name = "pcs_other")]
            public static Errno Other(UserString name)
            {
                Span<byte> other = stackalloc byte[8];
                other.Fill((byte)'B');
                Span<byte> text = stackalloc byte[16];
                Errno error = Kernel.CopyInString(name, text, out _);
                if (error != Errno.None)
                {
                    return error;
                }

                Kernel.Printf("other [%s] [%s]\n", text, other);
                return Errno.None;
            }
        }
        """, "PrintCopied.cs");

    [Fact]
    public void A_checked_copy_prints_with_plain_s_and_the_string()
    {
        string proven = Module.CFunction("pcs_proven");
        Assert.Contains("printf(\"proven [%s]\\n\", (const char *)text);", proven);
        Assert.Contains("printf(\"again [%-8s]\\n\", (const char *)text);", proven);
        Assert.Contains("printf(\"direct [%s]\\n\", (const char *)text);", Module.CFunction("pcs_direct"));

        SimulationReport report = HostSimulator.Run([Module], [new SimCall("pcs_proven", ["s:kernel"]), new SimCall("pcs_direct", ["s:fifteen bytes!!"])]);

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal(7, report.Calls[0].Retval);
        Assert.Equal<string>(["proven [kernel]", "again [kernel  ]", "direct [fifteen bytes!!]"], report.Log);
    }

    [Fact]
    public void A_failed_copy_returns_before_the_print()
    {
        SimulationReport report = HostSimulator.Run([Module], [new SimCall("pcs_proven", ["s:sixteen bytes!!!"]), new SimCall("pcs_direct", ["a:0x10"])]);

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal([63, 14], report.Calls.Select(c => c.Error));
        Assert.Empty(report.Log);
    }

    [Fact]
    public void A_buffer_written_after_the_copy_keeps_its_length_and_prints_no_further()
    {
        Assert.Contains("%.*s", Module.CFunction("pcs_written"), System.StringComparison.Ordinal);

        SimulationReport report = HostSimulator.Run([Module], [new SimCall("pcs_written", ["s:hi"])]);

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal<string>(["written [" + new string('A', 16) + "]"], report.Log);
    }

    [Fact]
    public void An_unchecked_copy_keeps_its_length_and_prints_no_further()
    {
        Assert.Contains("%.*s", Module.CFunction("pcs_unchecked"), System.StringComparison.Ordinal);

        // Too long: copyinstr fills the four bytes with no NUL and fails with ENAMETOOLONG.
        SimulationReport report = HostSimulator.Run([Module], [new SimCall("pcs_unchecked", ["s:abcdefgh"])]);

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal(63, report.Calls.Single().Retval);
        Assert.Equal<string>(["unchecked [abcd]"], report.Log);
    }

    [Fact]
    public void A_slice_of_a_copied_buffer_keeps_its_length()
    {
        Assert.Contains("%.*s", Module.CFunction("pcs_slice"), System.StringComparison.Ordinal);

        SimulationReport report = HostSimulator.Run([Module], [new SimCall("pcs_slice", ["s:kernel"])]);

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal<string>(["slice [ker]"], report.Log);
    }

    [Fact]
    public void Only_the_copied_buffer_of_two_prints_with_plain_s()
    {
        Assert.Contains("printf(\"other [%s] [%.*s]\\n\", (const char *)text, 8, (const char *)other);", TestCompiler.Unwrapped(Module.CFunction("pcs_other")));

        SimulationReport report = HostSimulator.Run([Module], [new SimCall("pcs_other", ["s:kernel"])]);

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal<string>(["other [kernel] [BBBBBBBB]"], report.Log);
    }
}
