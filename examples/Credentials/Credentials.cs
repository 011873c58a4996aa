using System;
using KmodSharp;

namespace Examples;

/// <summary>
/// The caller's identity, read and copied out as FreeBSD's own getresuid(2), getgroups(2) and
/// getppid(2) do (sys/kern/kern_prot.c).
/// </summary>
[KernelModule("creds")]
public static class Credentials
{
    /// <summary>Copies out the real, effective and saved user ids, each to its own pointer; a null pointer is skipped.</summary>
    /// <param name="thread">The calling thread, whose credential is read.</param>
    /// <param name="ruid">Receives the real user id.</param>
    /// <param name="euid">Receives the effective user id.</param>
    /// <param name="suid">Receives the saved user id.</param>
    [Syscall(Name = "creds_getresuid")]
    public static Errno GetResUid(CallingThread thread, UserPtr<uint> ruid, UserPtr<uint> euid, UserPtr<uint> suid)
    {
        // As sys_getresuid: try all three, report the first failure.
        Errno error1 = Errno.None, error2 = Errno.None, error3 = Errno.None;
        if (!ruid.IsNull)
        {
            uint real = thread.RealUserId;
            error1 = Kernel.CopyOut(in real, ruid);
        }

        if (!euid.IsNull)
        {
            uint effective = thread.UserId;
            error2 = Kernel.CopyOut(in effective, euid);
        }

        if (!suid.IsNull)
        {
            uint saved = thread.SavedUserId;
            error3 = Kernel.CopyOut(in saved, suid);
        }

        return error1 != Errno.None ? error1 : error2 != Errno.None ? error2 : error3;
    }

    /// <summary>
    /// Copies the caller's groups into an array of <paramref name="gidsetsize"/> entries; with a size
    /// of 0 it only counts them.
    /// </summary>
    /// <param name="thread">The calling thread, whose credential is read.</param>
    /// <param name="gidsetsize">How many group ids the array holds.</param>
    /// <param name="gidset">Receives the group ids.</param>
    /// <returns>The number of groups; EINVAL when the array is too small for them.</returns>
    [Syscall(Name = "creds_getgroups")]
    public static SyscallResult<int> GetGroups(CallingThread thread, int gidsetsize, UserPtr<uint> gidset)
    {
        ReadOnlySpan<uint> groups = thread.Groups;
        if (gidsetsize == 0)
        {
            return groups.Length;
        }

        if (gidsetsize < groups.Length)
        {
            return Errno.EINVAL;
        }

        // One copyout of the whole set, as sys_getgroups does.
        Errno error = Kernel.CopyOut(groups, gidset);
        if (error != Errno.None)
        {
            return error;
        }

        return groups.Length;
    }

    /// <summary>The parent's process id, as getppid(2) reports it.</summary>
    /// <param name="thread">The calling thread.</param>
    /// <returns>The parent's pid.</returns>
    [Syscall(Name = "creds_getppid")]
    public static int GetPpid(CallingThread thread) => thread.ParentProcessId;
}
