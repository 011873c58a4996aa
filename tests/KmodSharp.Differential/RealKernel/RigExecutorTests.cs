using System;
using System.Linq;
using System.Text;
using Xunit;

namespace KmodSharp.Differential.RealKernel;

/// <summary>How <see cref="RigExecutor"/> reads the console (no rig needed): its lines among the kernel's and the other programs'.</summary>
public sealed class RigExecutorTests
{
    private static string Hex(string text) => Convert.ToHexString(Encoding.ASCII.GetBytes(text)).ToLowerInvariant();

    [Fact]
    public void A_programs_results_are_read_from_a_console_shared_with_the_kernel_and_other_programs()
    {
        string console = string.Join("\n",
            "RIG: run 1: /bin/rigdiff --id 7 --call op0 1 z:2 --call op0 0 --call op1",
            "checksum 12",
            $"@@RD 7.0 err=0 rv=42 rv1=-5 buf1=00ff log={Hex("checksum 12\nop0: 3\npartial")}",
            "a kernel line without its newline@@RD 7.1 err=14 rv=-1 rv1=-1 log=",
            "@@RD 7.2 problem op1 modfind/modstat (errno 2)",
            "@@RD 17.0 err=0 rv=1 rv1=0 log=",
            "@@RD 7 unload 0",
            "@@RD 7 done 3",
            "RIG: exit 0");

        RigProgramResult result = RigExecutor.Parse(console, "7", 3);

        RigCall first = result.Calls[0]!;
        Assert.Equal((0, 42L, -5L), (first.Result.Error, first.Result.Retval, first.Result.Retval1));
        Assert.Equal([(1, "00ff")], first.Result.Buffers.ToArray());
        Assert.Equal(["checksum 12", "op0: 3"], first.Log.ToArray());
        Assert.Equal((14, 0), (result.Calls[1]!.Result.Error, result.Calls[1]!.Log.Length));
        Assert.Null(result.Calls[2]);
        Assert.Equal(["call 2: op1 modfind/modstat (errno 2)"], result.Problems.ToArray());
        Assert.Equal(0, result.UnloadError);
    }

    [Fact]
    public void A_program_that_stops_early_is_a_problem()
    {
        RigProgramResult result = RigExecutor.Parse("@@RD 3.0 err=0 rv=1 rv1=0 log=\n@@RD 3 done 1\n", "3", 2);

        Assert.Null(result.Calls[1]);
        Assert.Contains(result.Problems, p => p.Contains("did not finish", StringComparison.Ordinal));
        Assert.Null(result.UnloadError);
    }
}
