using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using KmodSharp.Compiler.Tools.Simulation;

namespace KmodSharp.Cli.Commands;

/// <summary>
/// <c>sim</c>'s options for the calling process beyond <c>--uid</c>: the other ids of its credential,
/// its groups, parent pid and name (kmodsim's <c>--ruid</c> … <c>--comm</c>, <see cref="SimIdentity"/>).
/// </summary>
internal sealed class IdentityOptions
{
    private readonly Option<uint?> realUid = new("--ruid") { Description = "The real uid (default: --uid)" };
    private readonly Option<uint?> savedUid = new("--svuid") { Description = "The saved uid (default: --uid)" };
    private readonly Option<uint?> gid = new("--gid") { Description = "The effective gid (default: --uid)" };
    private readonly Option<uint?> realGid = new("--rgid") { Description = "The real gid (default: --uid)" };
    private readonly Option<uint?> savedGid = new("--svgid") { Description = "The saved gid (default: --uid)" };
    private readonly Option<string?> groups = new("--groups") { Description = "The group set getgroups(2) reports, G,G,… (at most 16; default: the gid)" };
    private readonly Option<int?> parent = new("--ppid") { Description = "The parent's pid (default 1)" };
    private readonly Option<string?> name = new("--comm") { Description = "The process name, at most 19 characters (default kmodsim)" };

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { realUid, savedUid, gid, realGid, savedGid, groups, parent, name })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The identity the options give; <see cref="FormatException"/> for a value kmodsim would refuse.</summary>
    public SimIdentity From(ParseResult parsed)
    {
        ImmutableArray<uint>? set = parsed.GetValue(groups) is { } text ? Groups(text) : null;
        int? ppid = parsed.GetValue(parent);
        string? comm = parsed.GetValue(name);
        if (ppid is <= 0)
        {
            throw new FormatException("--ppid is a pid, 1 or more");
        }

        if (comm is { Length: > 19 } || comm?.Any(c => c is '\0' or > (char)0x7e) == true)
        {
            throw new FormatException("--comm is at most 19 ASCII characters (MAXCOMLEN)");
        }

        return new SimIdentity(parsed.GetValue(realUid), parsed.GetValue(savedUid), parsed.GetValue(gid), parsed.GetValue(realGid), parsed.GetValue(savedGid), set, ppid, comm);
    }

    private static ImmutableArray<uint> Groups(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        string[] parts = text.Split(',');
        return parts.Length <= 16 && parts.All(p => uint.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            ? [.. parts.Select(p => uint.Parse(p, CultureInfo.InvariantCulture))]
            : throw new FormatException("--groups is at most 16 group ids separated by commas");
    }
}
