using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Verification;
using Xunit;

namespace KmodSharp.Compiler.Tests.Verification;

/// <summary>
/// style(9)'s names and includes, as a user would meet them: module prefixes once, lower_snake
/// type names, result slots declared then assigned, and only the headers used, sys/param.h first.
/// </summary>
public sealed class StyleNamesAndIncludesTests
{
    private const string Source = """
        using KmodSharp;

        public struct TallyPoint { public int XValue; public int YValue; }

        public enum TallyCmd { Start = 1, Stop = 2 }

        [KernelModule("tally")]
        public static class Tally
        {
            private static int TallyCount;

            [Syscall(Name = "tally_add")]
            public static int TallyAdd(int amount) { TallyCount += amount; return TallyCount; }

            [Syscall(Name = "add")]
            public static SyscallResult<int> Add(TallyCmd command, UserPtr<TallyPoint> point)
            {
                if (Kernel.CopyIn(point, out TallyPoint p) != Errno.None) { return Errno.EFAULT; }
                return command == TallyCmd.Start ? p.XValue : p.YValue;
            }
        }
        """;

    [Fact]
    public void Names_carry_the_module_prefix_once_and_stay_distinct()
    {
        ModuleArtifacts module = TestCompiler.Module(Source, "Tally.cs");
        string c = TestCompiler.Unwrapped(module.CSource());

        Assert.Contains("struct tally_add_args {", c);
        Assert.Contains("sys_tally_add(struct thread *td, void *arg)", c);
        // "add" would be tally_add too: the second comer is numbered, never merged.
        Assert.Contains("struct tally_add_2_args {", c);
        Assert.Contains("static int tally_count;", c);
        Assert.Contains("struct tally_point {", c);
        Assert.Contains("x_value", c);
        Assert.DoesNotContain("tally_tally", c);
        Assert.DoesNotContain("TallyPoint", c);
        using KernelHeaders headers = KernelHeaders.Host();
        VerifyResult result = ModuleVerifier.Verify(module, headers);
        Assert.False(result.Diagnostics.Any(d => d.IsError), string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Includes_are_the_used_headers_param_first_then_sorted()
    {
        string[] includes = [.. TestCompiler.Example("Counter").CSource().Split('\n').Where(l => l.StartsWith("#include <")).Select(l => l[10..^1])];

        Assert.Equal("sys/param.h", includes[0]);
        Assert.Equal([.. includes.Skip(1).Order(System.StringComparer.Ordinal)], includes.Skip(1));
        Assert.Contains("sys/mutex.h", includes);
        Assert.Contains("sys/sysctl.h", includes);
        Assert.DoesNotContain("sys/capsicum.h", includes);
        Assert.DoesNotContain("sys/jail.h", includes);
        Assert.DoesNotContain("sys/priv.h", includes);
        Assert.Contains("#include <sys/priv.h>", TestCompiler.Example("ErrorHandling").CSource());
        Assert.Contains("#include <sys/malloc.h>", TestCompiler.Example("ErrorHandling").CSource());
    }

    [Fact]
    public void Result_slots_are_declared_then_assigned()
    {
        string c = TestCompiler.Example("ErrorHandling").CSource();

        Assert.DoesNotContain("int value = 0;", c);
        Assert.Contains("\tint value;\n", c);
        Assert.Contains("\tvalue = 0;\n", c);
    }
}
