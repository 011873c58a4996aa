using System.IO;
using System.Linq;
using KmodSharp.Compiler.Tests.Verification.Fidelity;
using KmodSharp.Compiler.Tools.Simulation;
using KmodSharp.Compiler.Tools.Verification;
using Xunit;
using Xunit.Abstractions;

namespace KmodSharp.Compiler.Tests.Verification;

/// <summary>
/// Our host harness headers against real FreeBSD ones (opt-in: <c>FREEBSD_SYSDIR</c>): every
/// prototype, integer macro, enum constant, typedef and struct layout they declare, and every
/// kernel API entry, must match (against a tree older than FreeBSD 15, the differences
/// <see cref="ExpectedVersionDifferences"/> lists are reported apart and do not count).
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

    [Theory]
    [InlineData(FidelityKind.Record, "struct sysctl_oid", 1302001, true)]
    [InlineData(FidelityKind.Record, "struct sysctl_oid.oid_link.rbe_link", 1302001, true)]
    [InlineData(FidelityKind.Record, "struct sysctl_oid_list.rbh_root", 1302001, true)]
    [InlineData(FidelityKind.Record, "struct ucred.cr_ref", 1499999, true)]
    [InlineData(FidelityKind.Macro, "__FreeBSD_version", 1302001, true)]
    [InlineData(FidelityKind.Parse, "sys/stdarg.h", 1302001, true)]
    [InlineData(FidelityKind.Record, "struct sysctl_oid.oid_number", 1500000, false)]
    [InlineData(FidelityKind.Record, "struct sysctl_oid.oid_number", 1501502, false)]
    [InlineData(FidelityKind.Macro, "__FreeBSD_version", null, false)]
    [InlineData(FidelityKind.Record, "struct sysctl_oidx", 1302001, false)]
    [InlineData(FidelityKind.Record, "struct ucred.cr_uid", 1302001, false)]
    [InlineData(FidelityKind.Record, "struct ucred", 1302001, false)]
    [InlineData(FidelityKind.Function, "copyin", 1302001, false)]
    [InlineData(FidelityKind.Typedef, "__FreeBSD_version", 1302001, false)]
    public void Only_listed_differences_from_an_older_tree_are_expected(FidelityKind kind, string name, int? version, bool expected)
    {
        var difference = new FidelityDifference(kind, name, "sys/x.h:1", "ours", "theirs");

        (var differences, var expectedDifferences) = ExpectedVersionDifferences.Classify([difference], version);

        Assert.Equal(expected, expectedDifferences.Length == 1);
        Assert.Equal(expected, differences.IsEmpty);
    }

    [Fact]
    public void Every_expected_version_difference_names_one_declaration_and_says_why()
    {
        Assert.All(ExpectedVersionDifferences.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason), e.Declaration));
        Assert.Equal(ExpectedVersionDifferences.Entries.Length, ExpectedVersionDifferences.Entries.Select(e => (e.Kind, e.Declaration)).Distinct().Count());
    }

    [FreeBsdFact]
    public void Every_kernel_API_entry_matches_FreeBSD()
    {
        FidelityReport report = CompareWithFreeBsd();

        Assert.True(report.Differences.All(d => d.Kind != FidelityKind.KernelApi), report.Describe());
    }

    /// <summary>Against FreeBSD 15 nothing may differ; against an older tree only the listed version differences.</summary>
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
