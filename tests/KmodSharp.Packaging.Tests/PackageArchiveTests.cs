using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using KmodSharp.Compiler;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Compiler.Tools.Packaging;
using KmodSharp.Packaging.Tests.Support;
using Xunit;

namespace KmodSharp.Packaging.Tests;

/// <summary>The package a module becomes, opened again and checked against pkg's format and schema.</summary>
public sealed class PackageArchiveTests
{
    private static readonly DateTimeOffset Timestamp = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void Manifests_come_first_then_every_listed_file_with_its_checksum_and_size()
    {
        using var temp = new TempDirectory("kmodsharp-pkg");
        ModuleArtifacts module = Compile("Counter");
        PkgManifest manifest = PackageBuilder.Build(module, new PackageOptions(1302001));
        string path = temp.Combine(PackageArchive.FileName(manifest));
        PackageArchive.Write(manifest, path, Timestamp);

        List<PkgEntry> entries = PkgArchiveReader.Entries(path);
        Assert.Equal(["+COMPACT_MANIFEST", "+MANIFEST"], entries.Take(2).Select(e => e.Name));
        JsonElement full = PkgArchiveReader.Json(entries[1]);
        JsonElement compact = PkgArchiveReader.Json(entries[0]);
        PkgManifestSchema.AssertValid(full);
        PkgManifestSchema.AssertValid(compact);
        Assert.False(compact.TryGetProperty("files", out _));
        Assert.False(compact.TryGetProperty("scripts", out _));

        // Files listed = files archived, each sum the SHA-256 of the archived bytes, flatsize their total.
        Dictionary<string, JsonElement> listed = full.GetProperty("files").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        List<PkgEntry> files = entries.Skip(2).ToList();
        Assert.Equal(listed.Keys.Order(), files.Select(f => f.Name).Order());
        foreach (PkgEntry file in files)
        {
            Assert.Equal("1$" + Convert.ToHexStringLower(SHA256.HashData(file.Data)), listed[file.Name].GetProperty("sum").GetString());
            Assert.Equal(("root", "wheel"), (file.UserName, file.GroupName));
        }

        Assert.Equal(files.Sum(f => (long)f.Data.Length), full.GetProperty("flatsize").GetInt64());

        // The generated folder is installed as make(1) needs it.
        foreach (Artifact artifact in module.Files)
        {
            PkgEntry installed = Assert.Single(files, f => f.Name == $"/usr/local/share/kmodsharp/counter/{artifact.FileName}");
            Assert.Equal(artifact.Text, System.Text.Encoding.UTF8.GetString(installed.Data));
        }
    }

    [Fact]
    public void The_manifest_pins_the_FreeBSD_version_and_runs_kldxref()
    {
        PkgManifest manifest = PackageBuilder.Build(Compile("MySyscall"), new PackageOptions(1302001, Version: "2.5"));
        JsonElement full = JsonDocument.Parse(PkgManifestWriter.Full(manifest)).RootElement;

        Assert.Equal("mysyscall-kmod", full.GetProperty("name").GetString());
        Assert.Equal("2.5", full.GetProperty("version").GetString());
        Assert.Equal("FreeBSD:13:*", full.GetProperty("abi").GetString());
        Assert.Equal("freebsd:13:*", full.GetProperty("arch").GetString());
        Assert.Equal("1302001", full.GetProperty("annotations").GetProperty("osreldate").GetString());

        // DECLARE_MODULE's MODULE_DEPEND on the kernel: this version up to MODULE_KERNEL_MAXVER.
        Assert.Equal("1399999", full.GetProperty("annotations").GetProperty("kernel_max_version").GetString());
        Assert.Equal("kldxref /boot/modules", full.GetProperty("scripts").GetProperty("post-install").GetString());
        Assert.Equal("kldxref /boot/modules", full.GetProperty("scripts").GetProperty("post-deinstall").GetString());
        Assert.Contains("mysyscall", full.GetProperty("comment").GetString());
    }

    [Fact]
    public void A_built_ko_goes_to_boot_modules_and_ties_the_package_to_its_machine()
    {
        using var temp = new TempDirectory("kmodsharp-pkg");
        string ko = temp.Combine("mysyscall.ko");
        File.WriteAllBytes(ko, ElfObject(machine: 62));
        PkgManifest manifest = PackageBuilder.Build(Compile("MySyscall"), new PackageOptions(1501502, KernelObject: KernelObjectFile.Read(ko)));
        string path = temp.Combine("out.pkg");
        PackageArchive.Write(manifest, path, Timestamp);

        PkgEntry installed = Assert.Single(PkgArchiveReader.Entries(path), e => e.Name == "/boot/modules/mysyscall.ko");
        Assert.Equal(File.ReadAllBytes(ko), installed.Data);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute, installed.Mode);
        Assert.Equal(("FreeBSD:15:amd64", "freebsd:15:x86:64"), (manifest.Abi, manifest.Arch));
        Assert.Equal("0555", PkgArchiveReader.Json(PkgArchiveReader.Entries(path)[1]).GetProperty("files").GetProperty("/boot/modules/mysyscall.ko").GetProperty("perm").GetString());
    }

    [Fact]
    public void Paths_and_descriptions_are_url_encoded_as_pkg_does()
    {
        Assert.Equal("a%25b", PkgManifestWriter.UrlEncode("a%b"));
        Assert.Equal("caf%c3%a9 & more\n", PkgManifestWriter.UrlEncode("café & more\n"));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(150150200)]
    public void A_version_that_is_not_an_osreldate_is_rejected(int version) =>
        Assert.Throws<PackagingException>(() => PackageBuilder.Build(Compile("MySyscall"), new PackageOptions(version)));

    [Fact]
    public void Something_that_is_not_an_ELF_object_is_not_a_ko()
    {
        using var temp = new TempDirectory("kmodsharp-pkg");
        string notKo = temp.Combine("notes.txt");
        File.WriteAllText(notKo, "not a kernel module at all");
        Assert.Throws<PackagingException>(() => KernelObjectFile.Read(notKo));
    }

    internal static byte[] ElfObject(ushort machine)
    {
        // The ELF identification and e_machine: all the package reads of a .ko.
        byte[] bytes = new byte[64];
        bytes[0] = 0x7f;
        bytes[1] = (byte)'E';
        bytes[2] = (byte)'L';
        bytes[3] = (byte)'F';
        bytes[4] = 2;   // ELFCLASS64
        bytes[5] = 1;   // ELFDATA2LSB
        bytes[6] = 1;   // EV_CURRENT
        bytes[16] = 1;  // ET_REL, as amd64 kernel modules are
        BitConverter.TryWriteBytes(bytes.AsSpan(18), machine);
        return bytes;
    }

    private static ModuleArtifacts Compile(string example)
    {
        CompileResult result = KmodCompiler.Compile(InputLoader.Load([Repository.Example(example)]), new LoweringOptions());
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return Assert.Single(result.Modules);
    }
}
