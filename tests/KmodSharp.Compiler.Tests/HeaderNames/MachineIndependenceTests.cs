using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.HeaderNames;

/// <summary>
/// Translation reads no header of the machine: a module whose names only some headers declare
/// (Modules/Naming/MachineNames.cs: FreeBSD 15's cap_held, FreeBSD libc's getprogname, glibc's
/// on_exit) gives the same files with FREEBSD_SYSDIR unset or set, and without libclang; each name
/// is avoided everywhere; the CLI opens no libclang and makes no scratch folder to translate; and
/// no pipeline source names a header reader or FREEBSD_SYSDIR.
/// </summary>
public sealed class MachineIndependenceTests
{
    private static string Cli => Path.Combine(AppContext.BaseDirectory, "KmodSharp.Cli.dll");

    private static string Module => Path.Combine(Repository.Root, "tests", "KmodSharp.Differential", "Modules", "Naming", "MachineNames.cs");

    [Fact]
    public void A_module_translates_to_the_same_bytes_with_or_without_FREEBSD_SYSDIR_and_libclang()
    {
        string root = Directory.CreateTempSubdirectory("kmodsharp-names-").FullName;
        try
        {
            // Without a real tree, one that numbers both syscalls: the lists must not come from it either.
            string tree = Environment.GetEnvironmentVariable("FREEBSD_SYSDIR") is { Length: > 0 } sysDir ? sysDir : FakeTree(root);
            string nowhere = Directory.CreateDirectory(Path.Combine(root, "nowhere")).FullName;
            var runs = new Dictionary<string, Dictionary<string, string>>
            {
                ["unset"] = new() { ["FREEBSD_SYSDIR"] = "" },
                ["tree"] = new() { ["FREEBSD_SYSDIR"] = tree },
                ["no-libclang"] = new() { ["FREEBSD_SYSDIR"] = "", ["KMODSHARP_LIBCLANG"] = Path.Combine(nowhere, "libclang.so"), ["NUGET_PACKAGES"] = nowhere, ["LD_LIBRARY_PATH"] = nowhere },
            };
            Dictionary<string, Dictionary<string, string>> outputs = runs.ToDictionary(r => r.Key, r => Build(Path.Combine(root, r.Key), r.Value));

            Dictionary<string, string> unset = outputs["unset"];
            Assert.True(unset.Count >= 6, string.Join(", ", unset.Keys));
            foreach ((string run, Dictionary<string, string> files) in outputs)
            {
                Assert.Equal(unset.Keys.Order(), files.Keys.Order());
                Assert.All(unset, file => Assert.True(file.Value == files[file.Key], $"{file.Key} differs between FREEBSD_SYSDIR unset and {run}"));
            }

            string c = unset[Path.Combine("hdrnames", "hdrnames.c")];
            string header = unset[Path.Combine("hdrnames", "hdrnames.h")];
            Assert.Contains("cap_held_ = ", c);
            Assert.Contains("cap_needed_ = ", c);
            Assert.DoesNotMatch(@"\bcap_(held|needed)\b", c);
            Assert.Contains("\thdrnames_getprogname(int value);", header);
            Assert.Contains("\thdrnames_on_exit(int first, int ", header);
            Assert.DoesNotMatch(@"\s(getprogname|on_exit)\(", header);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [RequiresToolTheory("strace", "strace")]
    [InlineData("check")]
    [InlineData("build")]
    public void Translation_opens_no_libclang_and_makes_no_scratch_folder(string command)
    {
        string root = Directory.CreateTempSubdirectory("kmodsharp-names-").FullName;
        try
        {
            string trace = Path.Combine(root, "trace.txt");
            string[] output = command == "build" ? ["-o", Path.Combine(root, "out")] : [];
            ProcessOutcome run = ProcessRunner.Run("strace", ["-f", "-e", "trace=openat,mkdir,mkdirat", "-o", trace, "dotnet", Cli, command, Module, .. output]);

            Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
            string[] lines = File.ReadAllLines(trace);
            Assert.Contains(lines, l => l.Contains("MachineNames.cs", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains("libclang", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains("kmodsharp-verify-", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void No_pipeline_stage_reads_headers()
    {
        string pipeline = Path.Combine(Repository.Root, "compiler", "KmodSharp.Compiler", "Pipeline");
        string[] readers = ["KmodSharp.Headers", "KernelHeaders", "HeaderReader", "FREEBSD_SYSDIR\""];
        string[] found =
        [
            .. Directory.GetFiles(pipeline, "*.cs", SearchOption.AllDirectories)
                .SelectMany(file => readers.Where(File.ReadAllText(file).Contains).Select(reader => $"{Path.GetRelativePath(pipeline, file)}: {reader}")),
        ];

        Assert.True(Directory.GetFiles(pipeline, "*.cs", SearchOption.AllDirectories).Length > 50);
        Assert.Empty(found);
    }

    private static Dictionary<string, string> Build(string output, Dictionary<string, string> environment)
    {
        ProcessOutcome run = ProcessRunner.Run("dotnet", [Cli, "build", Module, "-o", output], environment);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        return Directory.GetFiles(output, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(output, f), File.ReadAllText);
    }

    private static string FakeTree(string root)
    {
        string sys = Directory.CreateDirectory(Path.Combine(root, "fake", "sys", "sys")).FullName;
        File.WriteAllText(Path.Combine(sys, "syscall.h"), "#define\tSYS_getprogname\t600\n#define\tSYS_on_exit\t601\n");
        return Path.GetDirectoryName(sys)!;
    }
}
