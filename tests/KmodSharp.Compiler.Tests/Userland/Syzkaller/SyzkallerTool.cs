using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Tools.Simulation;

namespace KmodSharp.Compiler.Tests.Userland.Syzkaller;

/// <summary>
/// syzkaller's own description tools, built by <c>build-syzkaller.sh</c> in the syzkaller tree that
/// <c>KMODSHARP_SYZKALLER</c> names: <c>bin/syz-sysgen</c>, the description compiler behind
/// <c>make generate</c>, and <c>bin/syz-fmt</c>, the formatter.
/// </summary>
public static class SyzkallerTool
{
    public static string? Tree => Environment.GetEnvironmentVariable("KMODSHARP_SYZKALLER") is { Length: > 0 } value ? value : null;

    /// <summary>Why the syzkaller tests cannot run here, or null when they can.</summary>
    public static string? SkipReason => Tree switch
    {
        null => "set KMODSHARP_SYZKALLER to the folder tests/KmodSharp.Compiler.Tests/Userland/Syzkaller/build-syzkaller.sh printed to check the descriptions with syzkaller's own tools",
        { } tree when !File.Exists(Path.Combine(tree, "bin", "syz-sysgen")) || !File.Exists(Path.Combine(tree, "bin", "syz-fmt")) =>
            $"KMODSHARP_SYZKALLER='{tree}' has no bin/syz-sysgen and bin/syz-fmt (run build-syzkaller.sh)",
        _ => null,
    };

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(30);

    /// <summary>What syz-fmt makes of <paramref name="text"/>: it rewrites the file in place when it would lay it out differently.</summary>
    public static string Format(string name, string text)
    {
        string folder = Directory.CreateTempSubdirectory("kmodsharp-syzfmt-").FullName;
        try
        {
            string file = Path.Combine(folder, name);
            File.WriteAllText(file, text);
            ProcessOutcome run = ProcessRunner.Run(Path.Combine(Tree!, "bin", "syz-fmt"), [file], timeout: Patience);
            return run.ExitCode == 0 ? File.ReadAllText(file) : throw new InvalidOperationException($"syz-fmt {name} failed:\n{run.Stdout}{run.Stderr}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Runs syz-sysgen over a scratch source tree: syzkaller's own descriptions of every OS (linked,
    /// not copied) with <paramref name="files"/> added to sys/freebsd, where it reads every *.txt and
    /// *.const. Returns its outcome and the executor's syscall table it wrote (empty when it failed).
    /// </summary>
    public static (ProcessOutcome Run, string SyscallTable) Sysgen(IEnumerable<string> files)
    {
        string work = Directory.CreateTempSubdirectory("kmodsharp-sysgen-").FullName;
        try
        {
            string source = Path.Combine(work, "src");
            string freebsd = Directory.CreateDirectory(Path.Combine(source, "sys", "freebsd")).FullName;
            foreach (string os in Directory.GetDirectories(Path.Combine(Tree!, "sys")).Where(d => Path.GetFileName(d) != "freebsd"))
            {
                File.CreateSymbolicLink(Path.Combine(source, "sys", Path.GetFileName(os)), os);
            }

            foreach (string file in Directory.GetFiles(Path.Combine(Tree!, "sys", "freebsd")))
            {
                File.CreateSymbolicLink(Path.Combine(freebsd, Path.GetFileName(file)), file);
            }

            foreach (string file in files)
            {
                File.Copy(file, Path.Combine(freebsd, Path.GetFileName(file)));
            }

            string output = Path.Combine(work, "out");
            ProcessOutcome run = ProcessRunner.Run(Path.Combine(Tree!, "bin", "syz-sysgen"), ["-src", source, "-out", output], timeout: Patience);
            string table = Path.Combine(output, "executor", "syscalls.h");
            return (run, File.Exists(table) ? File.ReadAllText(table) : "");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
