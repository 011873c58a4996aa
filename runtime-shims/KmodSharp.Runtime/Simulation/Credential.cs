using System.Collections.Generic;
using System.Linq;

namespace KmodSharp.Simulation;

/// <summary>
/// The calling thread's credential: its ids and groups, and what <c>priv_check(9)</c> consults — a
/// jail denies module privileges even to root (<c>prison_priv_check</c>'s default), otherwise uid 0
/// holds every privilege. The real and saved uids, the gids and the groups default to
/// <see cref="Uid"/>, <see cref="Uid"/> and <c>[Uid]</c>, as kmodsim's <c>--uid</c> sets them.
/// </summary>
public sealed record Credential(uint Uid, bool Jailed, bool CapabilityMode)
{
    private readonly uint[] groups = [Uid];

    /// <summary>uid 0 outside any jail.</summary>
    public static Credential Root { get; } = new(0, false, false);

    /// <summary>An ordinary user.</summary>
    public static Credential User { get; } = new(1001, false, false);

    /// <summary><c>cr_ruid</c>, the real user id.</summary>
    public uint RealUid { get; init; } = Uid;

    /// <summary><c>cr_svuid</c>, the saved user id.</summary>
    public uint SavedUid { get; init; } = Uid;

    /// <summary><c>cr_gid</c>, the effective group id.</summary>
    public uint Gid { get; init; } = Uid;

    /// <summary><c>cr_rgid</c>, the real group id.</summary>
    public uint RealGid { get; init; } = Uid;

    /// <summary><c>cr_svgid</c>, the saved group id.</summary>
    public uint SavedGid { get; init; } = Uid;

    /// <summary><c>cr_groups</c>, <c>cr_ngroups</c> of them: the set <c>getgroups(2)</c> reports (at most 16 in kmodsim).</summary>
    public IReadOnlyList<uint> Groups
    {
        get => groups;
        init => groups = [.. value];
    }

    internal uint[] GroupArray => groups;

    // Every privilege the API offers is outside prison_priv_check's whitelist, so a jail denies all of them.
    internal Errno Check(Privilege privilege) => !Jailed && Uid == 0 && privilege != 0 ? Errno.None : Errno.EPERM;

    /// <summary>Compares the groups by value, as the ids are.</summary>
    public bool Equals(Credential? other) =>
        other is not null && (Uid, Jailed, CapabilityMode, RealUid, SavedUid, Gid, RealGid, SavedGid) == (other.Uid, other.Jailed, other.CapabilityMode, other.RealUid, other.SavedUid, other.Gid, other.RealGid, other.SavedGid)
        && groups.SequenceEqual(other.groups);

    /// <inheritdoc/>
    public override int GetHashCode() => System.HashCode.Combine(Uid, Jailed, CapabilityMode, RealUid, Gid, groups.Length);
}
