using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using KmodSharp.Compiler.Tests.Cli;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Userland.Syzkaller;

/// <summary>
/// Every example's <c>&lt;module&gt;.syz.txt</c> and <c>.syz.txt.const</c>, as <c>kmodsharp build</c>
/// writes them, checked with syzkaller's own tools (opt-in: <c>KMODSHARP_SYZKALLER</c>): syz-fmt leaves
/// the description as it is, and syz-sysgen compiles it for every FreeBSD arch together with syzkaller's
/// own FreeBSD descriptions and every other module's (one namespace: a name two modules share is an
/// error), with the syscall numbers of the .const file. Besides the examples, modules written the way a
/// stranger might: C# names syzlang reserves, an enum argument, two modules with a syscall of one name.
/// </summary>
public sealed class SyzkallerDescriptionTests(SyzkallerDescriptionTests.Descriptions descriptions) : IClassFixture<SyzkallerDescriptionTests.Descriptions>
{
    public static TheoryData<string> Modules => [.. Descriptions.ExampleFolders.Select(d => Path.GetFileName(d)!).Concat(Descriptions.Strangers.Keys).Order()];

    [SyzkallerTheory]
    [MemberData(nameof(Modules))]
    public void Syz_fmt_leaves_the_description_unchanged(string module)
    {
        string description = File.ReadAllText(descriptions.Built.Value.Files[module].Description);

        Assert.Equal(description, SyzkallerTool.Format(Path.GetFileName(descriptions.Built.Value.Files[module].Description), description));
    }

    [SyzkallerTheory]
    [MemberData(nameof(Modules))]
    public void Syz_sysgen_compiles_every_call_with_its_number_for_every_FreeBSD_arch(string module)
    {
        (ProcessOutcome run, string table, IReadOnlyDictionary<string, (string Description, string Constants)> files) = descriptions.Built.Value;
        string output = run.Stdout + run.Stderr;

        Assert.True(run.ExitCode == 0, output);
        Assert.DoesNotContain(Path.GetFileName(files[module].Description), output, StringComparison.Ordinal);
        (var arches, var values) = SyzlangParser.ParseConstFile(File.ReadAllText(files[module].Constants));
        string[] calls = [.. values.Keys.Where(k => k.StartsWith("SYS_", StringComparison.Ordinal))];
        Assert.NotEmpty(calls);
        foreach (string constant in calls)
        {
            // executor/syscalls.h: one { "name", number } per arch the call was compiled for.
            string entry = $"{{\"{constant["SYS_".Length..]}\", {values[constant]}}}";
            Assert.True(Regex.Count(table, Regex.Escape(entry)) == arches.Length, $"{entry} is not in syz-sysgen's table for each of {string.Join(", ", arches)}");
        }
    }

    [SyzkallerFact]
    public void Two_modules_with_a_syscall_of_the_same_name_compile_together()
    {
        string table = descriptions.Built.Value.SyscallTable;

        Assert.Contains("{\"alpha_reset\", 210}", table, StringComparison.Ordinal);
        Assert.Contains("{\"beta_reset\", 210}", table, StringComparison.Ordinal);
    }

    /// <summary>Every module built once with the CLI, and one syz-sysgen run over all of them (it compiles every OS: tens of CPU seconds).</summary>
    public sealed class Descriptions : IDisposable
    {
        public static IEnumerable<string> ExampleFolders => Directory.GetDirectories(Path.Combine(Repository.Root, "examples"));

        /// <summary>Folder name → C# source.</summary>
        public static IReadOnlyDictionary<string, string> Strangers { get; } = new Dictionary<string, string>
        {
            ["odd"] = """
                using KmodSharp;

                namespace Strangers;

                public enum Mode : sbyte { Off = -1, Quiet = 0, Loud = 5 }

                public struct Node { public int parent; public bool Enabled; public Mode Mode; public long Weight; public int resource; }

                public struct Tree { public Node Root; public ushort Depth; }

                [KernelModule("odd")]
                public static class Odd
                {
                    [Syscall]
                    public static SyscallResult<int> Classify(int type, Mode syscall, int parent, int define) => type + (int)syscall + parent + define;

                    [Syscall]
                    public static Errno Walk(UserPtr<Tree> tree, UserPtr<Node> nodes, int count)
                    {
                        Errno error = Kernel.CopyIn(tree, out Tree t);
                        return error != Errno.None ? error : Kernel.CopyOut(in t.Root, nodes);
                    }
                }
                """,
            ["alpha"] = SameNames("alpha"),
            ["beta"] = SameNames("beta"),
        };

        private static string SameNames(string module) => $$"""
            using KmodSharp;

            [KernelModule("{{module}}")]
            public static class M
            {
                [Syscall] public static int Reset(int value) => value;
                [Syscall(Name = "{{module}}_reset")] public static int ResetAgain(int value) => value;
            }
            """;

        private readonly string work = Directory.CreateTempSubdirectory("kmodsharp-syzkaller-").FullName;

        public Descriptions() => Built = new Lazy<(ProcessOutcome, string, IReadOnlyDictionary<string, (string, string)>)>(Build);

        /// <summary>syz-sysgen's outcome, the executor's syscall table, and each module's (description, .const).</summary>
        public Lazy<(ProcessOutcome Run, string SyscallTable, IReadOnlyDictionary<string, (string Description, string Constants)> Files)> Built { get; }

        private (ProcessOutcome, string, IReadOnlyDictionary<string, (string, string)>) Build()
        {
            var inputs = ExampleFolders.ToDictionary(d => Path.GetFileName(d)!, d => d);
            foreach ((string name, string source) in Strangers)
            {
                inputs[name] = CliRun.Folder(Path.Combine(work, "src"), name, ("Module.cs", source));
            }

            var files = new Dictionary<string, (string, string)>();
            foreach ((string name, string input) in inputs)
            {
                string output = Path.Combine(work, "out", name);
                (int exit, string stdout, string stderr) = CliRun.Run("build", input, "-o", output);
                if (exit != 0)
                {
                    throw new InvalidOperationException($"kmodsharp build {input} failed:\n{stdout}{stderr}");
                }

                string description = Directory.GetFiles(output, "*.syz.txt", SearchOption.AllDirectories).Single();
                files[name] = (description, description + ".const");
            }

            (ProcessOutcome run, string table) = SyzkallerTool.Sysgen(files.Values.SelectMany(f => new[] { f.Item1, f.Item2 }));
            return (run, table, files);
        }

        public void Dispose() => Directory.Delete(work, recursive: true);
    }
}
