using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using KmodSharp.Compiler.Tools.Kdump;
using Xunit;

namespace KmodSharp.Compiler.Tests.Kdump;

/// <summary>What a decode of a real recording must show, whichever kdump format it was printed in.</summary>
internal static partial class KdumpAssert
{
    public static (string[] Lines, KdumpSummary Summary) Decode(string trace, SyscallSlots slots)
    {
        var output = new StringWriter();
        KdumpSummary summary = KdumpDecoder.Decode(new StringReader(trace), output, slots);
        return (output.ToString().Split('\n')[..^1], summary);
    }

    /// <summary>
    /// Each call the program made shows, in order, as <c>CALL  name(param: value, …)</c> with the values it
    /// passed, and its <c>RET</c> as what it got back: the value (of a pair, the first: ktrace keeps no
    /// other) or <c>-1 errno N NAME</c>. Every other line is kdump's, unchanged.
    /// </summary>
    public static void ShowsEveryCall(string trace, ImmutableArray<RecordedCall> calls, SyscallSlots slots)
    {
        (string[] lines, KdumpSummary summary) = Decode(trace, slots);
        HashSet<string> names = [.. slots.Syscalls.Select(s => s.Name)];
        List<(string Type, string Name, string Body)> decoded =
        [
            .. lines.Select(l => Decoded().Match(l)).Where(m => m.Success && names.Contains(m.Groups["name"].Value))
                .Select(m => (m.Groups["type"].Value, m.Groups["name"].Value, m.Groups["body"].Value)),
        ];

        Assert.Equal(calls.Length * 2, decoded.Count);
        Assert.Equal((calls.Length, calls.Length), (summary.Calls, summary.Returns));
        for (int i = 0; i < calls.Length; i++)
        {
            RecordedCall call = calls[i];
            Assert.Equal(("CALL", call.Decoded), (decoded[2 * i].Type, decoded[2 * i].Name + decoded[2 * i].Body));
            Assert.Equal(("RET ", call.Syscall), (decoded[(2 * i) + 1].Type, decoded[(2 * i) + 1].Name));
            Assert.Matches(Result(call.Result), decoded[(2 * i) + 1].Body);
        }

        string[] input = trace.Split('\n')[..^1];
        Assert.Equal(input.Length, lines.Length);
        Assert.All(input.Zip(lines).Where(pair => pair.First != pair.Second), pair =>
            Assert.True(KdumpLineParser.Parse(pair.First) is { } record && slots.Find(record.Syscall) is not null, $"changed a line of another syscall: {pair.First}"));
    }

    // "errno EDOM" -> " -1 errno 33 EDOM"; "(142, 242)" -> " (142, ?)"; else the value itself.
    private static string Result(string recorded) => recorded switch
    {
        _ when recorded.StartsWith("errno ", System.StringComparison.Ordinal) => $@"^ -1 errno \d+ {recorded[6..]}$",
        _ when recorded.StartsWith('(') => $@"^ \({Regex.Escape(recorded[1..recorded.IndexOf(',')])}, \?\)$",
        _ => $"^ {Regex.Escape(recorded)}$",
    };

    [GeneratedRegex(@"(?<type>CALL|RET ) {2}(?:U00 {2})?(?<name>\w+)(?<body>.*)$")]
    private static partial Regex Decoded();
}
