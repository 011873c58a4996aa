using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Pipeline.Model;

namespace KmodSharp.Compiler.Tools.Kdump;

/// <summary>
/// What a decode did: lines rewritten; <paramref name="Unattributed"/> <c>lkmnosys</c> lines without a
/// number left as they were (any of several slots); <paramref name="Assumed"/> such lines taken to be the
/// module's only dynamic slot without <c>kldstat -dv</c> to prove no other module's syscall ran.
/// </summary>
public sealed record KdumpSummary(int Calls, int Returns, int Unattributed, int Assumed)
{
    public int Decoded => Calls + Returns;
}

/// <summary>
/// Rewrites kdump(1)'s text for a module: each <c>CALL</c>/<c>RET</c> line of one of its slots gets the
/// syscall's C# name, its arguments by name and type (<c>mysyscall(value: 42)</c>) and its result as
/// the C# signature declares it (<c>84</c>, <c>-1 errno 22 EINVAL</c>); every other line is copied unchanged.
/// </summary>
public static class KdumpDecoder
{
    public static KdumpSummary Decode(TextReader input, TextWriter output, SyscallSlots slots)
    {
        int calls = 0, returns = 0, unattributed = 0, assumed = 0;
        while (input.ReadLine() is { } line)
        {
            KdumpRecord? record = KdumpLineParser.Parse(line);
            SyscallModel? syscall = record is null ? null : slots.Find(record.Syscall);
            string? decoded = (record, syscall) switch
            {
                (KdumpCall call, not null) => Call(call, syscall),
                (KdumpReturn ret, not null) => Return(ret, syscall),
                _ => null,
            };
            if (decoded is null)
            {
                unattributed += Unnumbered(record) && slots.DynamicSlots.Length > 0 ? 1 : 0;
                output.WriteLine(line);
                continue;
            }

            assumed += Unnumbered(record) && slots.UnnumberedIsAssumed ? 1 : 0;
            calls += record is KdumpCall ? 1 : 0;
            returns += record is KdumpReturn ? 1 : 0;
            output.WriteLine(decoded);
        }

        return new KdumpSummary(calls, returns, unattributed, assumed);
    }

    private static bool Unnumbered(KdumpRecord? record) => record is { Syscall: { Number: null, TableName: SyscallSlots.DynamicName } };

    /// <summary><c>name(param: value, …)</c>; a line with a different argument count is not this syscall's, so stays as it was.</summary>
    private static string? Call(KdumpCall call, SyscallModel syscall)
    {
        ImmutableArray<SyscallParameter> parameters = syscall.Arguments;
        if (call.Arguments.Length != parameters.Length)
        {
            return null;
        }

        IEnumerable<string> arguments = parameters.Select((p, i) => $"{p.Name}: {KdumpValueFormatter.Format(p.Type, call.Arguments[i])}");
        return $"{call.Head}{syscall.Name}({string.Join(", ", arguments)})";
    }

    private static string Return(KdumpReturn ret, SyscallModel syscall) => $"{ret.Head}{syscall.Name} {Outcome(ret.Outcome, syscall.Return)}";

    private static string Outcome(KdumpOutcome outcome, SyscallReturn result) => outcome switch
    {
        KdumpError error => $"-1 errno {error.Errno} {KdumpValueFormatter.ErrnoName(error.Errno)}",
        KdumpPseudoError pseudo => pseudo.Text,

        // ktrace(2) records td_retval[0] only: the second value of a pair is not in the trace.
        KdumpValue value when result.Kind == SyscallReturnKind.Pair => $"({KdumpValueFormatter.Format(KInteger.Int64, value.Value)}, ?)",
        KdumpValue value when result.Kind is SyscallReturnKind.Value or SyscallReturnKind.ValueOrErrno => KdumpValueFormatter.Format(result.ValueType, value.Value),
        KdumpValue value => KdumpValueFormatter.Format(KInteger.Int64, value.Value),
        _ => throw new System.InvalidOperationException("unknown kdump outcome " + outcome),
    };
}
