namespace KmodSharp.Simulation;

/// <summary>
/// The credential <c>priv_check(9)</c> consults: a jail denies module privileges even to root
/// (<c>prison_priv_check</c>'s default), otherwise uid 0 holds every privilege.
/// </summary>
public sealed record Credential(uint Uid, bool Jailed, bool CapabilityMode)
{
    /// <summary>uid 0 outside any jail.</summary>
    public static Credential Root { get; } = new(0, false, false);

    /// <summary>An ordinary user.</summary>
    public static Credential User { get; } = new(1001, false, false);

    // Every privilege the API offers is outside prison_priv_check's whitelist, so a jail denies all of them.
    internal Errno Check(Privilege privilege) => !Jailed && Uid == 0 && privilege != 0 ? Errno.None : Errno.EPERM;
}
