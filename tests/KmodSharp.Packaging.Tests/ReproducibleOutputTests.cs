using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using KmodSharp.Cli;
using KmodSharp.Packaging.Tests.Support;
using Xunit;

namespace KmodSharp.Packaging.Tests;

/// <summary>
/// Reproducible builds (issue #19): the repository's examples, copied into two checkouts whose
/// paths differ in name and length, build and package to the same bytes, file by file, the second
/// under a culture that upper-cases i to İ and writes minus as U+2212. The packages are made with
/// <c>SOURCE_DATE_EPOCH</c> set, which is process-wide: the collection runs alone.
/// </summary>
[Collection(SourceDateEpochCollection.Name)]
public sealed class ReproducibleOutputTests
{
    private const string Epoch = "1700000000";

    [Fact]
    public void Every_example_builds_and_packages_to_the_same_bytes_in_two_checkouts()
    {
        using var temp = new TempDirectory("kmodsharp-repro");
        string[] checkouts = [temp.Combine("a"), temp.Combine("another-checkout-with-a-longer-name", "src")];
        string[] examples = [.. Directory.GetDirectories(Path.Combine(Repository.Root, "examples")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.True(examples.Length >= 9, string.Join(", ", examples));

        var unusual = (CultureInfo)CultureInfo.GetCultureInfo("tr-TR").Clone();
        unusual.NumberFormat.NegativeSign = "\u2212";
        CultureInfo[] cultures = [CultureInfo.InvariantCulture, unusual];
        CultureInfo original = CultureInfo.CurrentCulture;
        for (int i = 0; i < checkouts.Length; i++)
        {
            CopySources(Path.Combine(Repository.Root, "examples"), Path.Combine(checkouts[i], "examples"));
            CultureInfo.CurrentCulture = cultures[i];
            try
            {
                foreach (string example in examples)
                {
                    string folder = Path.Combine(checkouts[i], "examples", example);
                    AssertRuns("build", folder);
                    using (new EnvironmentVariable("SOURCE_DATE_EPOCH", Epoch))
                    {
                        AssertRuns("package", folder);
                    }
                }
            }
            finally
            {
                CultureInfo.CurrentCulture = original;
            }
        }

        // Every file of both outputs, by its path under the checkout: the same names, the same bytes.
        Dictionary<string, byte[]>[] outputs = [.. checkouts.Select(Outputs)];
        Assert.Equal(outputs[0].Keys.Order(StringComparer.Ordinal), outputs[1].Keys.Order(StringComparer.Ordinal));
        // Generated files before packages, so the first difference named is where it comes from.
        string[] differences = [.. outputs[0]
            .OrderBy(f => f.Key.EndsWith(".pkg", StringComparison.Ordinal)).ThenBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => FirstDifference(f.Value, outputs[1][f.Key]) is { } difference ? $"{f.Key}: {difference}" : null)
            .OfType<string>()];
        Assert.True(differences.Length == 0, $"{differences.Length} of {outputs[0].Count} files differ between the checkouts; the first:\n{differences.FirstOrDefault()}");

        // A package carries the very files build writes, #line paths included.
        string shared = KmodSharp.Compiler.Tools.Packaging.PkgLayout.Prefix + "/share/kmodsharp/";
        int carried = 0;
        foreach (string package in outputs[0].Keys.Where(k => k.EndsWith(".pkg", StringComparison.Ordinal)).Select(k => Path.Combine(checkouts[0], k)))
        {
            foreach (PkgEntry entry in PkgArchiveReader.Entries(package).Where(e => e.Name.StartsWith(shared, StringComparison.Ordinal)))
            {
                string built = Path.Combine(Path.GetDirectoryName(package)!, entry.Name[shared.Length..]);
                Assert.True(File.ReadAllBytes(built).AsSpan().SequenceEqual(entry.Data), $"{package}: {entry.Name} is not {built}");
                carried++;
            }
        }

        Assert.Equal(outputs[0].Keys.Count(k => !k.EndsWith(".pkg", StringComparison.Ordinal)), carried);

        // The proof covers what it claims: a package and a C file with #line per example, and no
        // file names either checkout.
        Assert.Equal(examples.Length, outputs[0].Keys.Count(k => k.EndsWith(".pkg", StringComparison.Ordinal)));
        Assert.Equal(examples.Length, outputs[0].Count(f => f.Key.EndsWith(".c", StringComparison.Ordinal) && !Path.GetFileName(f.Key).StartsWith("lib", StringComparison.Ordinal)
            && !Path.GetFileName(f.Key).StartsWith("test_", StringComparison.Ordinal) && Encoding.UTF8.GetString(f.Value).Contains("#line ", StringComparison.Ordinal)));
        foreach ((string name, byte[] data) in outputs.SelectMany(o => o))
        {
            string text = Encoding.UTF8.GetString(data);
            Assert.False(checkouts.Any(c => text.Contains(c, StringComparison.Ordinal)) || text.Contains(temp.Path, StringComparison.Ordinal), $"{name} names the checkout's path");
        }
    }

    [Fact]
    public void A_malformed_SOURCE_DATE_EPOCH_is_an_error_and_writes_nothing()
    {
        using var temp = new TempDirectory("kmodsharp-repro");
        using (new EnvironmentVariable("SOURCE_DATE_EPOCH", "yesterday"))
        {
            var (exit, _, error) = CliPackageAndNewTests.Run("package", Repository.Example("Counter"), "-o", temp.Path);
            Assert.Equal(ExitCodes.Usage, exit);
            Assert.StartsWith("kmodsharp: SOURCE_DATE_EPOCH", error);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void SOURCE_DATE_EPOCH_is_every_entry_s_mtime()
    {
        using var temp = new TempDirectory("kmodsharp-repro");
        using (new EnvironmentVariable("SOURCE_DATE_EPOCH", Epoch))
        {
            AssertRuns("package", Repository.Example("Counter"), "-o", temp.Path);
        }

        using FileStream stream = File.OpenRead(Assert.Single(Directory.GetFiles(temp.Path)));
        using var reader = new System.Formats.Tar.TarReader(stream);
        int entries = 0;
        while (reader.GetNextEntry() is { } entry)
        {
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(long.Parse(Epoch, CultureInfo.InvariantCulture)), entry.ModificationTime);
            entries++;
        }

        Assert.True(entries > 2);
    }

    private static void AssertRuns(params string[] args)
    {
        var (exit, output, error) = CliPackageAndNewTests.Run(args);
        Assert.True(exit == ExitCodes.Success, $"kmodsharp {string.Join(' ', args)}: {exit}\n{output}\n{error}");
    }

    // A checkout's sources: no bin/ or obj/ of an earlier build.
    private static void CopySources(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (string directory in Directory.GetDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
        {
            CopySources(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }

    // Every file written under the examples' bin/ folders, keyed by its path under the checkout.
    private static Dictionary<string, byte[]> Outputs(string checkout) =>
        Directory.GetDirectories(Path.Combine(checkout, "examples"))
            .SelectMany(example => Directory.GetFiles(Path.Combine(example, "bin"), "*", SearchOption.AllDirectories))
            .ToDictionary(file => Path.GetRelativePath(checkout, file), File.ReadAllBytes);

    // Where two files part: the first differing line of a text, else the first differing byte.
    private static string? FirstDifference(byte[] first, byte[] second)
    {
        if (first.AsSpan().SequenceEqual(second))
        {
            return null;
        }

        int at = first.AsSpan().CommonPrefixLength(second);
        int lineStart = first.AsSpan(0, at).LastIndexOf((byte)'\n') + 1;
        string Line(byte[] data)
        {
            int end = Array.IndexOf(data, (byte)'\n', lineStart);
            string line = Encoding.UTF8.GetString(data, lineStart, (end < 0 ? data.Length : end) - lineStart);
            return line.Length > 200 ? line[..200] + "…" : line;
        }

        int lineNumber = first.AsSpan(0, at).Count((byte)'\n') + 1;
        return $"byte {at}, line {lineNumber}:\n  {Line(first)}\n  {Line(second)}";
    }
}
