using System.Collections.Generic;
using System.Linq;
using KmodSharp.Differential.Generator.Census;
using KmodSharp.Differential.Generator.Generation;
using KmodSharp.Differential.Runner;
using KmodSharp.Differential.Support;
using Xunit;
using Xunit.Abstractions;

namespace KmodSharp.Differential;

/// <summary>
/// Spans beyond stackalloc and Slice, each module with at least 1,000 inputs per syscall, run in .NET
/// and as C: indices from the end and ranges, constant tables, helpers returning spans and kernel buffers. Each asserts that its error path was taken too; generated
/// programs using each construct agree as well.
/// </summary>
public sealed class SpanDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void Indices_from_the_end_and_ranges_agree()
    {
        DifferentialReport report = DifferentialRunner.Run(TestModules.Text("IndicesFromEnd"), fileName: "IndicesFromEnd.cs");
        AssertAgreed(report, Errno.EINVAL);
    }

    [Fact]
    public void Constant_tables_agree()
    {
        DifferentialReport report = DifferentialRunner.Run(TestModules.Text("ConstantTables"), fileName: "ConstantTables.cs");
        AssertAgreed(report, Errno.EINVAL);
    }

    [Fact]
    public void Helpers_returning_spans_agree()
    {
        DifferentialReport report = DifferentialRunner.Run(TestModules.Text("SpanHelpers"), fileName: "SpanHelpers.cs");
        AssertAgreed(report, Errno.EINVAL);
    }

    [Fact]
    public void Helpers_returning_kernel_buffers_agree_and_leak_nothing()
    {
        // Small batches, so M_NOWAIT allocations fail at a different site per batch.
        DifferentialReport report = DifferentialRunner.Run(TestModules.Text("BufferHelpers"),
            new DifferentialOptions { BatchSize = 32, FailNoWaitAllocationCycle = 5 }, "BufferHelpers.cs");
        AssertAgreed(report, Errno.EDOM, Errno.EOVERFLOW);
        Assert.True(report.Retvals.GetValueOrDefault(-1) > 0, "no allocation of Scaled failed");
    }

    /// <summary>Generated programs that use the feature (the first seeds whose text has it) agree end to end, and none is refused.</summary>
    [Theory]
    [InlineData(nameof(GeneratorFeatures.IndicesFromEnd), "[^")]
    [InlineData(nameof(GeneratorFeatures.ConstantTables), "T0[")]
    [InlineData(nameof(GeneratorFeatures.SpanReturningHelpers), "Make_")]
    public void Generated_programs_with_the_feature_agree(string feature, string marker)
    {
        int[] seeds = [.. Enumerable.Range(1, 200).Where(seed => ProgramGenerator.Generate(seed, GeneratorFeatures.Ci).Text.Contains(marker, System.StringComparison.Ordinal)).Take(8)];
        Assert.True(seeds.Length == 8, $"only {seeds.Length} programs use {feature}");
        var campaign = new Campaign(GeneratorFeatures.Ci);
        campaign.Run(seeds, System.Environment.ProcessorCount);
        output.WriteLine($"seeds {string.Join(", ", seeds)}: {campaign}");
        foreach (Finding finding in campaign.Findings)
        {
            output.WriteLine($"--- seed {finding.Seed} ({finding.Class})\n{finding.Detail}");
        }

        Assert.Empty(campaign.Findings.Select(f => $"seed {f.Seed}: {f.Signature}"));
        Assert.Equal(0, campaign.Census.RejectedPrograms);
    }

    private void AssertAgreed(DifferentialReport report, params Errno[] taken)
    {
        output.WriteLine(report.ToString());
        Assert.All(report.InputsPerSyscall.Values, n => Assert.True(n >= 1000, $"only {n} inputs"));
        report.ThrowIfFailed();
        output.WriteLine("errno counts: " + string.Join(", ", report.Errors.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value}")));
        Assert.True(report.Errors.GetValueOrDefault(0) > 0, "no call succeeded");
        foreach (Errno errno in taken)
        {
            Assert.True(report.Errors.GetValueOrDefault((int)errno) > 0, $"no call ended with {errno}");
        }
    }
}
