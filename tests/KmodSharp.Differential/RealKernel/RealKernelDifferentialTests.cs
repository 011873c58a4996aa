using System;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Pipeline.Model;
using KmodSharp.Compiler.Tests.RealKernel;
using KmodSharp.Differential.Runner;
using Xunit;
using Xunit.Abstractions;

namespace KmodSharp.Differential.RealKernel;

/// <summary>
/// The generator's programs on a real FreeBSD 13.2 kernel (opt-in: <c>FREEBSD_RIG</c>, docs/testing.md):
/// every call's errno, return value(s), user buffers and kernel log lines as .NET gives them.
/// </summary>
public sealed class RealKernelDifferentialTests(RealKernelDifferentialTests.Sample sample, ITestOutputHelper output) : IClassFixture<RealKernelDifferentialTests.Sample>
{
    /// <summary>Fixed seeds: the first 24 (those the analyzers reject are counted, not run).</summary>
    public static readonly ImmutableArray<int> Seeds = [.. Enumerable.Range(1, 24)];

    public const int InputsPerSyscall = 6;

    /// <summary>One rig run for the class, made when a test first asks (never when every test is skipped).</summary>
    public sealed class Sample
    {
        private readonly Lazy<RealKernelReport> report = new(() => RealKernelDifferential.Run(Seeds, InputsPerSyscall));

        public RealKernelReport Report => report.Value;
    }

    [RigFact]
    public void Generated_programs_give_the_same_results_on_the_real_kernel_as_in_dotnet()
    {
        RealKernelReport report = sample.Report;
        output.WriteLine(report.ToString());

        Assert.True(report.Passed, report.ToString());
        Assert.True(report.Programs.Length >= 20, $"only {report.Programs.Length} programs ran");
        // The sample reaches what the comparison looks at: errors, pairs, user buffers, the kernel log.
        ExpectedCall[] calls = [.. report.Programs.SelectMany(p => p.Calls)];
        Assert.Contains(calls, c => c.Managed.Error != 0);
        Assert.Contains(calls, c => c.Managed.Error == 0 && c.Syscall.Return.Kind == SyscallReturnKind.Pair);
        Assert.Contains(calls, c => c.Managed.Buffers.Any(b => b.Hex.Any(h => h != '0')));
        Assert.True(report.LoggedCalls > 0, "no call logged anything");
    }

    [RigFact]
    public void A_deliberately_different_expectation_is_reported_with_the_seed_the_call_and_both_outcomes()
    {
        RealKernelReport report = sample.Report;
        Assert.True(report.Passed, report.ToString());
        PreparedProgram program = report.Programs.First(p => p.Calls.Any(c => !c.Managed.Log.IsEmpty));
        int changedLog = program.Calls.IndexOf(program.Calls.First(c => !c.Managed.Log.IsEmpty));
        int changedErrno = changedLog == 0 ? 1 : 0;
        ExpectedCall errnoCall = program.Calls[changedErrno], logCall = program.Calls[changedLog];
        SyscallOutcome wrongErrno = errnoCall.Managed with { Error = errnoCall.Managed.Error == 0 ? (int)Errno.EDOM : 0 };
        SyscallOutcome wrongLog = logCall.Managed with { Log = [.. logCall.Managed.Log.SetItem(0, logCall.Managed.Log[0] + "!")] };
        PreparedProgram tampered = program with
        {
            Calls = program.Calls.SetItem(changedErrno, errnoCall with { Managed = wrongErrno }).SetItem(changedLog, logCall with { Managed = wrongLog }),
        };

        RealKernelReport compared = RealKernelDifferential.Compare(report.Programs.Replace(program, tampered), report.Rejected, report.Run);
        output.WriteLine(compared.ToString());

        Assert.Equal(2, compared.Mismatches.Length);
        Assert.Empty(compared.Problems);
        RealKernelMismatch errno = compared.Mismatches.Single(m => m.What == "errno differs");
        RealKernelMismatch log = compared.Mismatches.Single(m => m.What == "kernel log differs");
        Assert.Equal((program.Origin, errnoCall.Input), (errno.Origin, errno.Call.Input));
        Assert.Equal((program.Origin, logCall.Input), (log.Origin, log.Call.Input));
        string message = errno.ToString();
        Assert.StartsWith($"seed {program.Id} (replay: ProgramGenerator.Generate({program.Id}, ", message, StringComparison.Ordinal);
        Assert.Contains($"{errnoCall.Syscall.Name}) {errnoCall.Input}", message, StringComparison.Ordinal);
        Assert.Contains($".NET:        {wrongErrno}", message, StringComparison.Ordinal);
        RigCall real = report.Run.Programs[program.ForRig().Id].Calls[changedErrno]!;
        Assert.Contains($"real kernel: {RealKernelMismatch.Describe(errnoCall.Syscall, real)}", message, StringComparison.Ordinal);
    }
}
