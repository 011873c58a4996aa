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
    public void The_manifest_pins_the_FreeBSD_version_pkg_enforces_and_a_source_package_runs_no_script()
    {
        PkgManifest manifest = PackageBuilder.Build(Compile("MySyscall"), new PackageOptions(1302001, Version: "2.5"));
        JsonElement full = JsonDocument.Parse(PkgManifestWriter.Full(manifest)).RootElement;

        Assert.Equal("mysyscall-kmod", full.GetProperty("name").GetString());
        Assert.Equal("2.5", full.GetProperty("version").GetString());
        Assert.Equal("FreeBSD:13:*", full.GetProperty("abi").GetString());
        Assert.Equal("freebsd:13:*", full.GetProperty("arch").GetString());
        Assert.Equal("1302001", full.GetProperty("annotations").GetProperty("FreeBSD_version").GetString());

        // DECLARE_MODULE's MODULE_DEPEND on the kernel: this version up to MODULE_KERNEL_MAXVER.
        Assert.Equal("1399999", full.GetProperty("annotations").GetProperty("kernel_max_version").GetString());
        Assert.False(full.TryGetProperty("scripts", out JsonElement scripts) && scripts.EnumerateObject().Any(), "a package without a .ko has nothing for kldxref to index");
        Assert.Contains("mysyscall", full.GetProperty("comment").GetString());
    }

    [Fact]
    public void A_built_ko_goes_to_boot_modules_and_ties_the_package_to_its_machine()
    {
        using var temp = new TempDirectory("kmodsharp-pkg");
        string ko = temp.Combine("mysyscall.ko");
        File.WriteAllBytes(ko, ElfObjects.Create(machine: 62));
        PkgManifest manifest = PackageBuilder.Build(Compile("MySyscall"), new PackageOptions(1501502, KernelObject: KernelObjectFile.Read(ko)));
        string path = temp.Combine("out.pkg");
        PackageArchive.Write(manifest, path, Timestamp);

        PkgEntry installed = Assert.Single(PkgArchiveReader.Entries(path), e => e.Name == "/boot/modules/mysyscall.ko");
        Assert.Equal(File.ReadAllBytes(ko), installed.Data);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute, installed.Mode);
        Assert.Equal(("FreeBSD:15:amd64", "freebsd:15:x86:64"), (manifest.Abi, manifest.Arch));
        JsonElement full = PkgArchiveReader.Json(PkgArchiveReader.Entries(path)[1]);
        Assert.Equal("0555", full.GetProperty("files").GetProperty("/boot/modules/mysyscall.ko").GetProperty("perm").GetString());

        // pkg -r ROOT sets PKG_ROOTDIR=ROOT: the image's modules are indexed, not the host's.
        Assert.Equal("/usr/sbin/kldxref ${PKG_ROOTDIR}/boot/modules", full.GetProperty("scripts").GetProperty("post-install").GetString());
        Assert.Equal("/usr/sbin/kldxref ${PKG_ROOTDIR}/boot/modules", full.GetProperty("scripts").GetProperty("post-deinstall").GetString());
    }

    [Fact]
    public void The_kldxref_script_indexes_the_root_pkg_installs_into()
    {
        using var temp = new TempDirectory("kmodsharp-pkg");
        string root = temp.Combine("image");
        Directory.CreateDirectory(Path.Combine(root, "boot", "modules"));
        string bin = temp.Combine("bin");
        Directory.CreateDirectory(Path.Combine(bin, "usr", "sbin"));

        // Run the script as pkg's scripts.c does (sh -c with PKG_ROOTDIR set), with kldxref replaced by
        // a recorder of its argument.
        string script = PkgLayout.KldxrefScript.Replace("/usr/sbin/kldxref", "echo", StringComparison.Ordinal);
        var start = new System.Diagnostics.ProcessStartInfo("sh", ["-c", script]) { RedirectStandardOutput = true };
        start.Environment["PKG_ROOTDIR"] = root;
        using var process = System.Diagnostics.Process.Start(start)!;
        string indexed = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        Assert.Equal(Path.Combine(root, "boot", "modules"), indexed);
        Assert.True(Directory.Exists(indexed));
    }

    [Theory]
    [InlineData(0, 1, "OS/ABI is 0")]          // a Linux (SYSV) object
    [InlineData(3, 1, "OS/ABI is 3")]          // GNU/Linux
    [InlineData(9, 3, "ELF type is 3")]        // a shared object: amd64's kernel linker loads ET_REL
    public void An_ELF_object_that_is_not_a_FreeBSD_kernel_module_is_refused(byte osAbi, ushort type, string reason)
    {
        using var temp = new TempDirectory("kmodsharp-pkg");
        string ko = temp.Combine("m.ko");
        File.WriteAllBytes(ko, ElfObjects.Create(osAbi: osAbi, type: type));
        Assert.Contains(reason, Assert.Throws<PackagingException>(() => KernelObjectFile.Read(ko)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_without_module_metadata_is_not_a_kernel_module()
    {
        using var temp = new TempDirectory("kmodsharp-pkg");
        string ko = temp.Combine("m.ko");
        File.WriteAllBytes(ko, ElfObjects.Create(sections: [".text", ".data"]));
        Assert.Contains("set_modmetadata_set", Assert.Throws<PackagingException>(() => KernelObjectFile.Read(ko)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_built_by_a_FreeBSD_target_toolchain_as_kmod_mk_links_it_is_a_kernel_module()
    {
        // bsd.kmod.mk links amd64 modules with "ld -r -d"; clang and lld for a FreeBSD target write
        // OS/ABI FreeBSD as FreeBSD's own toolchain does (the test suite's set-up installs both).
        using var temp = new TempDirectory("kmodsharp-pkg");
        string source = temp.Combine("m.c");
        File.WriteAllText(source, "__attribute__((section(\"set_modmetadata_set\"), used)) static const void *m = 0;\n");
        Run("clang-16", "--target=x86_64-unknown-freebsd13.2", "-c", "-o", temp.Combine("m.o"), source);
        Run("ld.lld-16", "-r", "-d", "-o", temp.Combine("m.ko"), temp.Combine("m.o"));
        Assert.Equal("amd64", KernelObjectFile.Read(temp.Combine("m.ko")).MachineArch);
    }

    [Fact]
    public void A_module_object_compiled_by_the_host_gcc_is_refused_as_not_FreeBSD()
    {
        // What "--ko" got before: a Linux object of the right machine, even with the module's section.
        using var temp = new TempDirectory("kmodsharp-pkg");
        string source = temp.Combine("m.c");
        File.WriteAllText(source, "__attribute__((section(\"set_modmetadata_set\"), used)) static const void *m = 0;\n");
        string ko = temp.Combine("m.ko");
        Run("gcc", "-c", "-o", ko, source);

        Assert.Contains("not a FreeBSD kernel module", Assert.Throws<PackagingException>(() => KernelObjectFile.Read(ko)).Message, StringComparison.Ordinal);
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

    private static void Run(string tool, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(tool, arguments)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, tool + " failed");
    }

    private static ModuleArtifacts Compile(string example)
    {
        CompileResult result = KmodCompiler.Compile(InputLoader.Load([Repository.Example(example)]), new LoweringOptions());
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return Assert.Single(result.Modules);
    }
}
