using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.RealKernel;
using KmodSharp.Differential.Runner;
using KmodSharp.Differential.Support;

namespace KmodSharp.Differential.RealKernel;

/// <summary>The boots a run took, each program's results by id, and what went wrong with a boot as a whole.</summary>
public sealed record RigRun(ImmutableDictionary<string, RigProgramResult> Programs, int Boots, TimeSpan Elapsed, ImmutableArray<string> BootProblems);

/// <summary>
/// Runs programs' calls on the real FreeBSD 13.2 kernel of the rig (<c>FREEBSD_RIG</c>): several modules
/// per boot (a <c>bsd.subdir.mk</c> Makefile over their folders as <c>kmodsharp build</c> writes them,
/// loaded by the rig's init), and per program one run of <c>rigdiff.c</c>, which makes the calls,
/// prints each result, and unloads the module.
/// </summary>
public static class RigExecutor
{
    /// <summary>
    /// 13.2's <c>sys/kern/syscalls.master</c> has ten <c>lkmnosys</c> entries (210-219), the only slots
    /// <c>syscall_register</c> hands out: the modules of one boot take at most this many syscalls, else a kldload fails.
    /// </summary>
    public const int DynamicSyscallSlots = 10;

    /// <summary>A program's arguments stay well below 13.2's ARG_MAX (512 KiB for argv and the environment).</summary>
    public const int MaxArgumentBytes = 256 * 1024;

    public const string RunnerSource = "rigdiff.c";

    // The argument tokens' grammar rigdiff.c shares with the harness's driver.
    private const string TokenGrammar = "kms_tokens.h";

    private const string Marker = "@@RD ";

    public static RigRun Run(IReadOnlyList<RigProgram> programs)
    {
        var clock = Stopwatch.StartNew();
        var results = ImmutableDictionary.CreateBuilder<string, RigProgramResult>();
        var problems = ImmutableArray.CreateBuilder<string>();
        List<List<RigProgram>> boots = Pack(programs);
        foreach (List<RigProgram> boot in boots)
        {
            string directory = Directory.CreateTempSubdirectory("kmodsharp-rigdiff-").FullName;
            try
            {
                Write(directory, boot);
                RigOutcome outcome = Rig.RunUser(directory);
                if (!outcome.Passed)
                {
                    problems.Add($"boot of {string.Join(", ", boot.Select(p => p.Id))} failed:\n{Tail(outcome.Console)}");
                }

                foreach (RigProgram program in boot)
                {
                    results[program.Id] = Parse(outcome.Console, program.Id, program.Calls.Length);
                }
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        return new RigRun(results.ToImmutable(), boots.Count, clock.Elapsed, problems.ToImmutable());
    }

    /// <summary>Programs in order, a new boot when the slots run out or a module or syscall name is already taken in it.</summary>
    internal static List<List<RigProgram>> Pack(IReadOnlyList<RigProgram> programs)
    {
        var boots = new List<List<RigProgram>>();
        var current = new List<RigProgram>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (RigProgram program in programs)
        {
            if (program.Slots > DynamicSyscallSlots)
            {
                throw new ArgumentException($"{program.Id}: {program.Slots} syscalls, more than the kernel's {DynamicSyscallSlots} dynamic slots");
            }

            string[] own = [program.Artifacts.ModuleName, .. program.Artifacts.Model.Syscalls.Select(s => "sys/" + CNames.SyscallModule(s))];
            if (current.Count > 0 && (current.Sum(p => p.Slots) + program.Slots > DynamicSyscallSlots || own.Any(names.Contains)))
            {
                boots.Add(current);
                current = [];
                names.Clear();
            }

            current.Add(program);
            names.UnionWith(own);
        }

        if (current.Count > 0)
        {
            boots.Add(current);
        }

        return boots;
    }

    private static void Write(string directory, List<RigProgram> boot)
    {
        foreach (RigProgram program in boot)
        {
            ArtifactWriter.Write(directory, program.Artifacts);
        }

        File.WriteAllText(Path.Combine(directory, "Makefile"), $"SUBDIR=\t{string.Join(" ", boot.Select(p => p.Artifacts.ModuleName))}\n\n.include <bsd.subdir.mk>\n");
        File.Copy(Path.Combine(TestModules.RepositoryRoot, "tests", "KmodSharp.Differential", "RealKernel", RunnerSource), Path.Combine(directory, RunnerSource));
        File.Copy(Path.Combine(TestModules.RepositoryRoot, "runtime-shims", "host", "sim", TokenGrammar), Path.Combine(directory, TokenGrammar));
        File.WriteAllText(Path.Combine(directory, "user-sources.txt"), RunnerSource + "\n");
        File.WriteAllLines(Path.Combine(directory, "user-args.txt"), boot.Select(Arguments));
    }

    /// <summary>One line of user-args.txt (split like sh words by the rig): the id, the calls as kmodsim's tokens, the unload.</summary>
    internal static string Arguments(RigProgram program)
    {
        IEnumerable<string> words =
        [
            "--id", program.Id,
            .. program.Calls.SelectMany(c => (string[])["--call", c.SyscallModule, .. c.Input.Arguments.Select(a => a.Token)]),
            "--unload", program.Artifacts.ModuleName + ".ko",
        ];
        string line = string.Join(" ", words.Select(Quote));
        return line.Length <= MaxArgumentBytes ? line : throw new ArgumentException($"{program.Id}: {line.Length} bytes of arguments, more than {MaxArgumentBytes}");
    }

    // s:TEXT tokens hold any printable ASCII but blanks.
    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.' or '/') ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>Program <paramref name="id"/>'s lines of the console (<c>@@RD ID.N ...</c>, anywhere in a line: the kernel's printf shares the tty).</summary>
    internal static RigProgramResult Parse(string console, string id, int callCount)
    {
        var calls = new RigCall?[callCount];
        var problems = ImmutableArray.CreateBuilder<string>();
        int? unload = null;
        bool done = false;
        string callPrefix = id + ".";
        foreach (string line in console.Split('\n'))
        {
            int at = line.IndexOf(Marker, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            string[] words = line[(at + Marker.Length)..].TrimEnd().Split(' ');
            if (words[0] == id && words.Length >= 3)
            {
                unload = words[1] == "unload" ? int.Parse(words[2], CultureInfo.InvariantCulture) : unload;
                done |= words[1] == "done" && words[2] == callCount.ToString(CultureInfo.InvariantCulture);
            }
            else if (words[0].StartsWith(callPrefix, StringComparison.Ordinal) && int.TryParse(words[0][callPrefix.Length..], CultureInfo.InvariantCulture, out int index)
                && index >= 0 && index < calls.Length)
            {
                if (words.Length > 1 && words[1] == "problem")
                {
                    problems.Add($"call {index}: {string.Join(" ", words[2..])}");
                }
                else
                {
                    calls[index] = ParseCall(words[1..]);
                }
            }
        }

        if (!done)
        {
            problems.Add("the runner did not finish (no \"done\" line with every call)");
        }

        return new RigProgramResult([.. calls], problems.ToImmutable(), unload);
    }

    private static RigCall ParseCall(string[] fields)
    {
        var values = fields.Select(f => f.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        long Long(string key) => long.Parse(values[key], CultureInfo.InvariantCulture);
        ImmutableArray<(int, string)> buffers = [.. values.Where(v => v.Key.StartsWith("buf", StringComparison.Ordinal)).Select(v => (int.Parse(v.Key[3..], CultureInfo.InvariantCulture), v.Value))];
        string log = values["log"] == "unreadable" ? "<kern.msgbuf unreadable>\n" : Encoding.Latin1.GetString(Convert.FromHexString(values["log"]));
        // Complete lines, as the simulated kernel's log keeps them.
        string[] lines = log.Split('\n');
        return new RigCall(new HarnessCall((int)Long("err"), Long("rv"), Long("rv1"), buffers), [.. lines[..^1]]);
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : "…" + text[^4000..];
}
