using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Lowering;

/// <summary>
/// Inside <c>if (b.IsNull)</c> (or the else of <c>!b.IsNull</c>) a failed M_NOWAIT buffer is NULL,
/// so its <c>free</c> is left out there, as free(9) of NULL does nothing; every other buffer held is
/// still freed. The harness counts malloc(9) leaks and fails the Nth M_NOWAIT allocation on request.
/// </summary>
public sealed class NullBufferFreeTests
{
    private const int ENOMEM = 12;

    private static readonly ModuleArtifacts Module = TestCompiler.Module("""
        using KmodSharp;

        [KernelModule("nullfree")]
        public static class NullFree
        {
            [Syscall(Name = "nf_two")]
            public static SyscallResult<int> Two()
            {
                using KernelBuffer<byte> first = Kernel.Allocate<byte>(8, MallocFlags.NoWait | MallocFlags.Zero);
                if (first.IsNull)
                {
                    return Errno.ENOMEM;
                }

                using KernelBuffer<byte> second = Kernel.Allocate<byte>(8, MallocFlags.NoWait | MallocFlags.Zero);
                if (second.IsNull)
                {
                    return Errno.ENOMEM;
                }

                return first.Length + second.Length;
            }

            [Syscall(Name = "nf_else")]
            public static SyscallResult<int> Else()
            {
                using KernelBuffer<byte> buffer = Kernel.Allocate<byte>(8, MallocFlags.NoWait | MallocFlags.Zero);
                if (!buffer.IsNull)
                {
                    return buffer.Length;
                }
                else
                {
                    return Errno.ENOMEM;
                }
            }
        }
        """, "NullFree.cs");

    [Fact]
    public void A_branch_where_the_buffer_is_NULL_frees_only_the_others()
    {
        string two = Module.CFunction("nullfree_two");

        Assert.Contains("if (first == NULL) {\n\t\treturn (ENOMEM);\n\t}", two);
        Assert.Contains("if (second == NULL) {\n\t\tfree(first, M_NULLFREE);\n\t\treturn (ENOMEM);\n\t}", two);
        Assert.Contains("} else {\n\t\treturn (ENOMEM);\n\t}", Module.CFunction("nullfree_else"));
    }

    [Theory]
    [InlineData("nf_two", 0, 0, 16L)]
    [InlineData("nf_two", 1, ENOMEM, -1L)]
    [InlineData("nf_two", 2, ENOMEM, -1L)]
    [InlineData("nf_else", 0, 0, 8L)]
    [InlineData("nf_else", 1, ENOMEM, -1L)]
    public void Every_path_frees_what_it_allocated(string syscall, int failAllocation, int errno, long retval)
    {
        SimulationReport report = HostSimulator.Run([Module], [new SimCall(syscall, [])], new SimEnvironment(FailNoWaitAllocation: failAllocation));

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal((errno, retval), (report.Calls.Single().Error, report.Calls.Single().Retval));
    }
}
