using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using KmodSharp.Compiler.Tools.Simulation;
using KmodSharp.Packaging.Tests.Support;
using Xunit;

namespace KmodSharp.Packaging.Tests.RealPkg;

/// <summary>
/// Every example's package through FreeBSD's own <c>pkg</c> (opt-in, <c>KMODSHARP_PKG</c>): installed
/// into a scratch root with <c>pkg -r</c>, checked file by file against its manifest and through pkg's
/// own database, then deleted.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RealPkgExampleTests
{
    public static TheoryData<string> Examples() =>
        [.. Directory.GetDirectories(Path.Combine(Repository.Root, "examples")).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)];

    [PkgTheory]
    [MemberData(nameof(Examples))]
    public void The_source_package_installs_into_a_scratch_root_and_deletes_cleanly(string example)
    {
        using var temp = new TempDirectory("kmodsharp-realpkg");
        string package = Package(example, temp.Combine("out"));
        InstallAndDelete(new RealPkgTool(temp.Combine("pkg")), package, carriesModule: false);
    }

    [PkgRigTheory]
    [MemberData(nameof(Examples))]
    public void The_package_with_the_module_bsd_kmod_mk_built_installs_and_indexes_the_scratch_root(string example)
    {
        using var temp = new TempDirectory("kmodsharp-realpkg");
        Assert.Equal(0, CliPackageAndNewTests.Run("build", Repository.Example(example), "-o", temp.Combine("kmod")).Exit);
        string module = Assert.Single(Directory.GetDirectories(temp.Combine("kmod")));
        string ko = RigModules.Build(module, temp.Path);
        string package = Package(example, temp.Combine("out"), "--ko", ko);
        InstallAndDelete(new RealPkgTool(temp.Combine("pkg")), package, carriesModule: true);
    }

    [PkgFact]
    public void A_module_object_a_FreeBSD_target_clang_links_installs_and_indexes_the_scratch_root()
    {
        // Without the rig: an object linked as bsd.kmod.mk links amd64 modules (ld -r -d), by the
        // clang/lld the Packaging tests already use, so the .ko and its scripts are exercised anyway.
        using var temp = new TempDirectory("kmodsharp-realpkg");
        string source = temp.Combine("counter.c");
        File.WriteAllText(source, "__attribute__((section(\"set_modmetadata_set\"), used)) static const void *m = 0;\n");
        Tool("clang-16", "--target=x86_64-unknown-freebsd13.2", "-c", "-o", temp.Combine("counter.o"), source);
        Tool("ld.lld-16", "-r", "-d", "-o", temp.Combine("counter.ko"), temp.Combine("counter.o"));
        string package = Package("Counter", temp.Combine("out"), "--ko", temp.Combine("counter.ko"));
        InstallAndDelete(new RealPkgTool(temp.Combine("pkg")), package, carriesModule: true);
    }

    internal static string Package(string example, string output, params string[] options) =>
        Package(example, output, RealPkgTool.TargetOsVersion, options);

    /// <summary>Packages EXAMPLE for the FreeBSD_version given, into the folder OUTPUT; the .pkg's path.</summary>
    internal static string Package(string example, string output, int freeBsdVersion, params string[] options)
    {
        string[] arguments = ["package", Repository.Example(example), "-o", output, "--freebsd-version", $"{freeBsdVersion}", .. options];
        var (exit, _, error) = CliPackageAndNewTests.Run(arguments);
        Assert.True(exit == 0, error);
        return Assert.Single(Directory.GetFiles(output, "*.pkg"));
    }

    private static void InstallAndDelete(RealPkgTool pkg, string package, bool carriesModule)
    {
        List<PkgEntry> entries = PkgArchiveReader.Entries(package);
        JsonElement manifest = PkgArchiveReader.Json(entries[1]);
        string name = manifest.GetProperty("name").GetString()!;
        string[] indexed = carriesModule ? [pkg.Root + "/boot/modules"] : [];

        ProcessOutcome add = pkg.Add(package);
        Assert.True(add.ExitCode == 0, $"pkg add {Path.GetFileName(package)}:\n{add.Stdout}{add.Stderr}");
        AssertInstalledAsTheManifestSays(pkg, manifest, entries);
        AssertPkgDatabaseHas(pkg, manifest);
        Assert.Equal(carriesModule, manifest.GetProperty("files").TryGetProperty("/boot/modules/" + name.Replace("-kmod", "", StringComparison.Ordinal) + ".ko", out _));
        Assert.Equal(indexed, pkg.KldxrefCalls);

        ProcessOutcome delete = pkg.Delete(name);
        Assert.True(delete.ExitCode == 0, $"pkg delete {name}:\n{delete.Stdout}{delete.Stderr}");
        Assert.Empty(pkg.InstalledFiles());

        // pkg removes the folders the package's files left empty: the module's source folder too.
        string sources = Path.GetDirectoryName(manifest.GetProperty("files").EnumerateObject().Select(f => Uri.UnescapeDataString(f.Name)).Single(f => f.EndsWith("/Makefile", StringComparison.Ordinal)))!;
        Assert.False(Directory.Exists(pkg.Under(sources)), $"{sources} is left after pkg delete");
        Assert.Equal(1, pkg.Run("info", "-e", name).ExitCode);
        Assert.Equal("", pkg.Run("query", "%n-%v", name).Stdout);
        Assert.Equal([.. indexed, .. indexed], pkg.KldxrefCalls);
    }

    /// <summary>Exactly the manifest's files are under the root (besides pkg's database), each with the archive's bytes, its checksum and its mode.</summary>
    private static void AssertInstalledAsTheManifestSays(RealPkgTool pkg, JsonElement manifest, List<PkgEntry> entries)
    {
        Dictionary<string, PkgEntry> archived = entries.Skip(2).ToDictionary(e => e.Name);
        var files = manifest.GetProperty("files").EnumerateObject().ToDictionary(f => Uri.UnescapeDataString(f.Name), f => f.Value);
        Assert.Equal(files.Keys.Order(StringComparer.Ordinal), pkg.InstalledFiles());
        foreach ((string path, JsonElement file) in files)
        {
            byte[] installed = File.ReadAllBytes(pkg.Under(path));
            Assert.Equal(archived[path].Data, installed);
            Assert.Equal(file.GetProperty("sum").GetString(), "1$" + Convert.ToHexStringLower(SHA256.HashData(installed)));
            int permissions = (int)File.GetUnixFileMode(pkg.Under(path)) & 0x1ff;
            Assert.Equal(Convert.ToInt32(file.GetProperty("perm").GetString(), 8), permissions);
        }
    }

    /// <summary>pkg's database lists the package with the manifest's identity, size, annotations and files, and pkg check finds every checksum right.</summary>
    private static void AssertPkgDatabaseHas(RealPkgTool pkg, JsonElement manifest)
    {
        string name = manifest.GetProperty("name").GetString()!;
        Assert.Equal(0, pkg.Run("info", "-e", name).ExitCode);
        string expected = $"{name}\t{manifest.GetProperty("version").GetString()}\t{manifest.GetProperty("origin").GetString()}\t{manifest.GetProperty("abi").GetString()}\t{manifest.GetProperty("flatsize").GetInt64()}\n";
        Assert.Equal(expected, Query(pkg, "%n\t%v\t%o\t%q\t%sb", name));

        string annotations = string.Concat(manifest.GetProperty("annotations").EnumerateObject().Select(a => $"{a.Name}={a.Value.GetString()}\n"));
        Assert.Equal(annotations, string.Concat(Query(pkg, "%At=%Av", name).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).Select(l => l + "\n")));
        Assert.Contains($"FreeBSD_version={RealPkgTool.TargetOsVersion}\n", annotations, StringComparison.Ordinal);

        string files = string.Concat(manifest.GetProperty("files").EnumerateObject().Select(f => Uri.UnescapeDataString(f.Name) + "\n").Order(StringComparer.Ordinal));
        Assert.Equal(files, string.Concat(Query(pkg, "%Fp", name).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).Select(l => l + "\n")));

        ProcessOutcome check = pkg.Run("check", "-s", name);
        Assert.True(check.ExitCode == 0, $"pkg check -s {name}:\n{check.Stdout}{check.Stderr}");
    }

    private static string Query(RealPkgTool pkg, string format, string name)
    {
        ProcessOutcome query = pkg.Run("query", format, name);
        Assert.True(query.ExitCode == 0, $"pkg query {format} {name}:\n{query.Stdout}{query.Stderr}");
        return query.Stdout;
    }

    private static void Tool(string file, params string[] arguments)
    {
        ProcessOutcome outcome = ProcessRunner.Run(file, arguments);
        Assert.True(outcome.ExitCode == 0, $"{file}: {outcome.Stderr}");
    }
}
