using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace KmodSharp.Compiler.Tools.Simulation;

/// <summary>
/// The calling process as the harness presents it beyond its uid: the other ids of its credential,
/// its group set (<c>cr_groups</c>, at most 16), its parent's pid (<c>p_oppid</c>) and its name
/// (<c>p_comm</c>). A null member keeps kmodsim's default: ids from <c>--uid</c>, groups <c>[gid]</c>,
/// parent 1, name <c>kmodsim</c>.
/// </summary>
public sealed record SimIdentity(uint? RealUid = null, uint? SavedUid = null, uint? Gid = null, uint? RealGid = null, uint? SavedGid = null,
    ImmutableArray<uint>? Groups = null, int? ParentProcessId = null, string? ProcessName = null)
{
    /// <summary>kmodsim's options for this identity (<c>--ruid</c> … <c>--comm</c>).</summary>
    public IEnumerable<string> KmodsimArguments()
    {
        (string Option, uint? Value)[] ids = [("--ruid", RealUid), ("--svuid", SavedUid), ("--gid", Gid), ("--rgid", RealGid), ("--svgid", SavedGid)];
        foreach ((string option, uint? value) in ids.Where(i => i.Value is not null))
        {
            yield return option;
            yield return value!.Value.ToString(CultureInfo.InvariantCulture);
        }

        if (Groups is { } groups)
        {
            yield return "--groups";
            yield return string.Join(",", groups.Select(g => g.ToString(CultureInfo.InvariantCulture)));
        }

        if (ParentProcessId is int parent)
        {
            yield return "--ppid";
            yield return parent.ToString(CultureInfo.InvariantCulture);
        }

        if (ProcessName is { } name)
        {
            yield return "--comm";
            yield return name;
        }
    }
}
