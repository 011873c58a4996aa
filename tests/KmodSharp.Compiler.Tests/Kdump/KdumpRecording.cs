using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Compiler.Pipeline.Model;
using KmodSharp.Compiler.Tests.Support;
using Xunit;

namespace KmodSharp.Compiler.Tests.Kdump;

/// <summary>One call recorder.c made: its arguments as the C# names and values it meant, and what came back (<c>84</c>, <c>errno EDOM</c>, <c>(142, 242)</c>).</summary>
public sealed record RecordedCall(string Syscall, ImmutableArray<(string Name, string Value)> Arguments, string Result)
{
    /// <summary>The call as the decoder should show it: <c>name(param: value, …)</c>.</summary>
    public string Decoded => $"{Syscall}({string.Join(", ", Arguments.Select(a => $"{a.Name}: {a.Value}"))})";
}

/// <summary>
/// A recording of record.sh (RealKernel/Kdump): FreeBSD's kdump and kldstat output from the rig, and
/// recorder.c's own account of its calls and of the slots modstat(2) gave it ("KDREC …" lines).
/// </summary>
public sealed record KdumpRecording(string Folder, ImmutableArray<RecordedCall> Calls, ImmutableArray<RecordedCall> AloneCalls, ImmutableDictionary<string, int> Slots)
{
    public static string Committed => Path.Combine(Repository.Root, "tests", "KmodSharp.Compiler.Tests", "RealKernel", "Kdump", "Fixtures");

    public static string ProbeProject => Path.Combine(Repository.Root, "tests", "KmodSharp.Compiler.Tests", "RealKernel", "Kdump", "Probe");

    /// <summary>The five modules recorder.c calls, compiled: their syscalls.</summary>
    public static ImmutableArray<SyscallModel> Syscalls { get; } =
    [
        .. new[] { "MySyscall", "TwoValues", "UserMemory", "ErrorHandling" }.Select(TestCompiler.Example).Append(Probe()).SelectMany(m => m.Model.Syscalls),
    ];

    public string Text(string file) => File.ReadAllText(Path.Combine(Folder, file));

    public static KdumpRecording Read(string folder)
    {
        var calls = new List<RecordedCall>();
        var alone = new List<RecordedCall>();
        var slots = ImmutableDictionary.CreateBuilder<string, int>();
        List<RecordedCall> current = calls;
        (string Name, ImmutableArray<(string, string)> Arguments)? pending = null;
        foreach (string line in File.ReadLines(Path.Combine(folder, "recorder.txt")))
        {
            string[] words = line.Split(' ');
            switch (words[1])
            {
                case "alone":
                    current = alone;
                    break;
                case "slot" when current == calls:
                    slots[words[2]] = int.Parse(words[3], CultureInfo.InvariantCulture);
                    break;
                case "call":
                    pending = (words[2], [.. words.Skip(3).Select(w => (w[..w.IndexOf('=')], w[(w.IndexOf('=') + 1)..]))]);
                    break;
                case "ret":
                    Assert.Equal(pending!.Value.Name, words[2]);
                    current.Add(new RecordedCall(words[2], pending.Value.Arguments, string.Join(' ', words.Skip(3))));
                    pending = null;
                    break;
            }
        }

        Assert.NotEmpty(calls);
        return new KdumpRecording(folder, [.. calls], [.. alone], slots.ToImmutable());
    }

    private static Compiler.Pipeline.Emit.ModuleArtifacts Probe()
    {
        var result = KmodCompiler.Compile(InputLoader.Load([ProbeProject]), new LoweringOptions());
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return Assert.Single(result.Modules);
    }
}
