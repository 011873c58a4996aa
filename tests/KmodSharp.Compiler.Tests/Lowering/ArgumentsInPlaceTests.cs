using System;
using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using KmodSharp.Compiler.Tools.Verification;
using Xunit;

namespace KmodSharp.Compiler.Tests.Lowering;

/// <summary>
/// A handler only its entry calls reads its arguments where it uses them (<c>uap-&gt;value</c>), as a
/// hand-written <c>sys_*</c> function does, instead of holding copies across its calls; an argument
/// the handler assigns, takes the address of or compares stays a value. The same handler written
/// another way (a helper, named arguments) reads its arguments the same way, and every form
/// compiles with the kernel's flags and returns what C# returns.
/// </summary>
public sealed class ArgumentsInPlaceTests
{
    private static readonly ModuleArtifacts Module = TestCompiler.Module("""
        using KmodSharp;

        [KernelHelper]
        public static class Arithmetic
        {
            public static int Twice(int value) => value * 2;
        }

        public struct Sample
        {
            public byte Kind;
            public long Size;
        }

        [KernelModule("inplace")]
        public static class InPlace
        {
            // The padded copy-out spells offsetof(struct sample, kind): a member, not the argument kind.
            [Syscall(Name = "ip_padded")]
            public static Errno Padded(UserPtr<Sample> destination, byte kind, long size)
            {
                Sample s = default;
                s.Kind = kind;
                s.Size = size;
                return Kernel.CopyOut(in s, destination);
            }

            [Syscall(Name = "ip_printed")]
            public static int Printed(int value)
            {
                Kernel.Printf("value=%d\n", value);
                return value * 2;
            }

            [Syscall(Name = "ip_helper")]
            public static int Helper(int amount)
            {
                Kernel.Printf(format: "amount=%d\n", a0: amount);
                return Arithmetic.Twice(value: amount);
            }

            [Syscall(Name = "ip_flag")]
            public static long Flag(bool negate, long x) => negate ? -x : x;

            [Syscall(Name = "ip_checked")]
            public static SyscallResult<int> Checked(int count)
            {
                if (count <= 0 || count > 64)
                {
                    return Errno.EINVAL;
                }

                Kernel.Printf("count=%d\n", count);
                return count + 1;
            }

            [Syscall(Name = "ip_assigned")]
            public static int Assigned(int value)
            {
                Kernel.Printf("value=%d\n", value);
                value += 7;
                return value;
            }
        }
        """, "InPlace.cs");

    // Used directly, through named arguments and a helper, and as a bool (any non-zero slot).
    [Theory]
    [InlineData("inplace_printed", "ip_printed", "printf(\"value=%d\\n\", uap->value);", "return (uap->value * 2);")]
    [InlineData("inplace_helper", "ip_helper", "printf(\"amount=%d\\n\", uap->amount);", "return (inplace_twice(uap->amount));")]
    [InlineData("inplace_flag", "ip_flag", "uap->negate != 0", "uap->x")]
    public void An_argument_used_but_never_assigned_or_compared_is_read_from_uap(string function, string syscall, params string[] reads)
    {
        string body = Module.CFunction(function);
        Assert.StartsWith($"\n{function}(struct inplace_{syscall}_args *uap)", body, StringComparison.Ordinal);
        Assert.All(reads, read => Assert.Contains(read, body));
        Assert.Contains($"= {function}(uap);", Module.CSource());
    }

    [Fact]
    public void A_member_named_like_an_argument_stays_a_member()
    {
        string padded = Module.CFunction("inplace_padded");
        Assert.Contains("offsetof(struct sample, kind)", padded);
        Assert.Contains("uap->kind", padded);

        SimulationReport report = HostSimulator.Run([Module], [new SimCall("ip_padded", ["z:16", "5", "0x0102"])]);

        Assert.True(report.Clean, report.Stderr);
        byte[] expected = [5, 0, 0, 0, 0, 0, 0, 0, .. BitConverter.GetBytes(0x0102L)];
        Assert.Equal(Convert.ToHexStringLower(expected), report.Calls.Single().Buffers.Single().Hex);
    }

    [Fact]
    public void A_compared_or_assigned_argument_stays_a_value()
    {
        // The compiler keeps what count <= 0 || count > 64 proved about a value, not about a memory read.
        Assert.StartsWith("\ninplace_checked(int count, int *resultp)", Module.CFunction("inplace_checked"), StringComparison.Ordinal);
        Assert.Contains("error = inplace_checked(uap->count, &value);", Module.CSource());
        Assert.StartsWith("\ninplace_assigned(int value)", Module.CFunction("inplace_assigned"), StringComparison.Ordinal);
        Assert.DoesNotContain("uap", Module.CFunction("inplace_checked") + Module.CFunction("inplace_assigned"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_form_compiles_with_the_kernels_flags()
    {
        using KernelHeaders headers = KernelHeaders.Host();
        VerifyResult result = ModuleVerifier.Verify(Module, headers);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
    }

    private const int EINVAL = 22; // sys/errno.h

    [Fact]
    public void Every_form_returns_what_CSharp_returns()
    {
        (string Syscall, string[] Arguments, long Retval, int Errno)[] calls =
        [
            ("ip_printed", ["21"], 21 * 2, 0),
            ("ip_printed", ["0x7fffffff"], unchecked(int.MaxValue * 2), 0),
            ("ip_helper", ["-5"], -5 * 2, 0),
            ("ip_flag", ["2", "40"], -40, 0),
            ("ip_flag", ["0", "40"], 40, 0),
            ("ip_checked", ["64"], 64 + 1, 0),
            ("ip_checked", ["65"], -1, EINVAL), // a failed syscall returns -1 and sets errno
            ("ip_assigned", ["35"], 35 + 7, 0),
        ];
        SimulationReport report = HostSimulator.Run([Module], [.. calls.Select(c => new SimCall(c.Syscall, [.. c.Arguments]))]);

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal(calls.Select(c => (c.Retval, c.Errno)), report.Calls.Select(c => (c.Retval, c.Error)));
        Assert.Equal<string>(["value=21", "value=2147483647", "amount=-5", "count=64", "value=35"], report.Log);
    }
}
