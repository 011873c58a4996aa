using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmodSharp.Analyzers.Tests;

/// <summary>Keeps the rule set honest: every descriptor has its page, its help link, an analyzer in the catalog, and a release entry.</summary>
public sealed class MetaTests
{
    public static TheoryData<string> DescriptorIds()
    {
        var data = new TheoryData<string>();
        foreach (DiagnosticDescriptor descriptor in Descriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    internal static string RepoRoot => typeof(MetaTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void EveryDescriptor_HasItsDocPageAndHelpLink(string id)
    {
        DiagnosticDescriptor descriptor = Descriptors().Single(d => d.Id == id);
        Assert.Equal(DiagnosticDescriptors.HelpBase + id + ".md", descriptor.HelpLinkUri);
        string page = Path.Combine(RepoRoot, "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), "missing " + page);
        string text = File.ReadAllText(page);
        Assert.StartsWith("# " + id + ":", text, StringComparison.Ordinal);
        Assert.Contains("## Bad", text, StringComparison.Ordinal);
        Assert.Contains("## Good", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void EveryDescriptor_IsReportedBySomeAnalyzerInTheCatalog(string id) =>
        Assert.Contains(AnalyzerCatalog.All, analyzer => analyzer.SupportedDiagnostics.Any(d => d.Id == id));

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void EveryDescriptor_IsInTheReleaseTrackingFileAndIdRegistry(string id)
    {
        string unshipped = File.ReadAllText(Path.Combine(RepoRoot, "compiler", "KmodSharp.Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains(id + " |", unshipped, StringComparison.Ordinal);
        Assert.Contains(typeof(DiagnosticIds).GetFields(), f => (string?)f.GetValue(null) == id);
    }

    [Fact]
    public void EveryAnalyzerInTheAssembly_IsInTheCatalog()
    {
        var listed = AnalyzerCatalog.All.Select(a => a.GetType()).ToHashSet();
        var declared = typeof(AnalyzerCatalog).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t));
        Assert.All(declared, t => Assert.Contains(t, listed));
    }

    [Fact]
    public void DiagnosticIds_AreUniqueAndInTheirDocumentedRanges()
    {
        var ids = typeof(DiagnosticIds).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id =>
        {
            int n = int.Parse(id.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(n is (>= 1 and <= 99) or (>= 100 and <= 499) or (>= 900 and <= 999), id);
        });
    }
}
