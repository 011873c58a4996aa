using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace KmodSharp.Compiler.Tools.Kdump;

/// <summary>
/// Reads the <c>CALL</c> and <c>RET</c> lines of kdump(1)'s text (usr.bin/kdump/kdump.c: <c>dumpheader</c>,
/// <c>ktrsyscall</c>, <c>ktrsysret</c>) in any of its formats: with or without <c>-H</c> (thread ids),
/// <c>-T</c>/<c>-E</c>/<c>-R</c> (times), <c>-A</c> (ABI), <c>-S</c> (numbers), <c>-d</c> (decimal) and <c>-n</c>
/// (no decoding). Any other line is not a syscall record.
/// </summary>
public static partial class KdumpLineParser
{
    public static KdumpRecord? Parse(string line)
    {
        Match match = Record().Match(line);
        if (!match.Success)
        {
            return null;
        }

        string head = match.Groups["head"].Value;
        var syscall = new KdumpSyscallName(
            match.Groups["name"].Success ? match.Groups["name"].Value : null,
            match.Groups["number"].Success ? int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture) : null);
        string rest = match.Groups["rest"].Value;
        if (match.Groups["type"].Value == "CALL")
        {
            return Arguments(rest) is { } arguments ? new KdumpCall(head, syscall, arguments) : null;
        }

        return Outcome(rest) is { } outcome ? new KdumpReturn(head, syscall, outcome) : null;
    }

    // "" (no arguments) or "(0x2a,0,-5)": print_number's "%#jx" (0 has no prefix) or, with -d, "%jd".
    private static ImmutableArray<ulong>? Arguments(string rest)
    {
        if (rest.Length == 0)
        {
            return [];
        }

        if (rest[0] != '(' || rest[^1] != ')')
        {
            return null;
        }

        var values = ImmutableArray.CreateBuilder<ulong>();
        foreach (string token in rest[1..^1].Split(','))
        {
            if (Number(token) is not { } value)
            {
                return null;
            }

            values.Add(value);
        }

        return values.ToImmutable();
    }

    // " 84/0x54" (fancy: "%ld", then "/%#lx" when not 0-9), " 0x54" (-n), " 84" (-n -d),
    // " -1 errno 22 Invalid argument" (fancy) or " -1 errno 22" (-n), " RESTART", " JUSTRETURN".
    private static KdumpOutcome? Outcome(string rest)
    {
        if (rest is " RESTART" or " JUSTRETURN")
        {
            return new KdumpPseudoError(rest[1..]);
        }

        Match error = ErrorOutcome().Match(rest);
        if (error.Success)
        {
            return new KdumpError(int.Parse(error.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        Match value = ValueOutcome().Match(rest);
        return value.Success && Number(value.Groups[1].Value) is { } number ? new KdumpValue(number) : null;
    }

    private static ulong? Number(string token)
    {
        if (token.StartsWith("0x", StringComparison.Ordinal))
        {
            return ulong.TryParse(token.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong hex) ? hex : null;
        }

        return long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long signed) ? unchecked((ulong)signed)
            : ulong.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out ulong unsigned) ? unsigned
            : null;
    }

    // dumpheader: "%6jd " pid, with -H "%6jd " tid, "%-8.*s " command (up to 19 characters, may hold
    // blanks), a time per -T/-E/-R, then "CALL  " or "RET   ", and with -A the ABI ("F64  ").
    // syscallname: the table's name, then "[N]" with -S; "[N]" alone when the table has no name.
    [GeneratedRegex(@"^(?<head>\s*\d+ (?:\s*\d+ )?.*? (?:-?\d+\.\d{6} )*(?<type>CALL|RET ) {2}(?:[FLCU](?:64|32|00) {2})?)(?:(?<name>[A-Za-z_][\w.]*|#\d+)(?:\[(?<number>\d+)\])?|\[(?<number>\d+)\])(?<rest>.*)$")]
    private static partial Regex Record();

    [GeneratedRegex(@"^ -1 errno (\d+)(?: .*)?$")]
    private static partial Regex ErrorOutcome();

    [GeneratedRegex(@"^ (-?\d+|0x[0-9a-f]+)(?:/0x[0-9a-f]+)?$")]
    private static partial Regex ValueOutcome();
}
