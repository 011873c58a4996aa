using System.IO;
using System.Linq;
using KmodSharp.Compiler.Simulation;
using KmodSharp.Compiler.Verification;
using Xunit;
using Xunit.Abstractions;

namespace KmodSharp.Compiler.Tests.Verification;

/// <summary>
/// Our host harness headers against real FreeBSD ones (opt-in: <c>FREEBSD_SYSDIR</c>): every
/// prototype, integer macro, enum constant, typedef and struct layout they declare, and every
/// kernel API entry, must match.
/// </summary>
public sealed class HeaderFidelityTests(ITestOutputHelper output)
{
    private static string OurIncludeDirectory => Path.Combine(HostHarnessLocation.Find(), "include");

    [Fact]
    public void Our_headers_compared_with_themselves_have_no_difference()
    {
        using KernelHeaders ours = KernelHeaders.Host(OurIncludeDirectory);
        using KernelHeaders same = KernelHeaders.Host(OurIncludeDirectory);

        FidelityReport report = HeaderFidelity.Compare(ours, OurIncludeDirectory, same);

        output.WriteLine(report.Describe());
        Assert.True(report.Identical, report.Describe());
        Assert.True(report.Counts.Functions > 50 && report.Counts.Macros > 100 && report.Counts.FullRecords > 5, report.Counts.ToString());
        Assert.Equal(KernelApi.Entries.Length, report.Counts.KernelApiEntries);
    }

    [FreeBsdFact]
    public void Every_kernel_API_entry_matches_FreeBSD()
    {
        FidelityReport report = CompareWithFreeBsd();

        Assert.True(report.Differences.All(d => d.Kind != FidelityKind.KernelApi), report.Describe());
    }

    [FreeBsdFact]
    public void Our_headers_match_FreeBSD()
    {
        FidelityReport report = CompareWithFreeBsd();

        Assert.True(report.Identical, report.Describe());
    }

    private FidelityReport CompareWithFreeBsd()
    {
        using KernelHeaders real = KernelHeaders.FreeBsd(FreeBsdFactAttribute.SysDir!);
        using KernelHeaders ours = KernelHeaders.Host(OurIncludeDirectory, real.TargetTriple);
        FidelityReport report = HeaderFidelity.Compare(ours, OurIncludeDirectory, real);
        output.WriteLine(report.Describe());
        return report;
    }
}
