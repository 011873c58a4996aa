using System;

namespace KmodSharp;

/// <summary>
/// The thread making the syscall. Declare a parameter of this type on a <c>[Syscall]</c> method to
/// read its credentials; it is not a syscall argument (it becomes <c>td</c>).
/// </summary>
public readonly struct CallingThread
{
    /// <summary><c>td->td_proc->p_pid</c>.</summary>
    public int ProcessId => Simulation.SimulatedKernel.Current.ProcessId;

    /// <summary>
    /// <c>td->td_proc->p_oppid</c>, the parent's pid as <c>getppid(2)</c> reports it (<c>kern_getppid</c> reads
    /// this field, without a lock: the process's own aligned pid word). <c>p_pptr</c> would need
    /// <c>proctree_lock</c> and names the debugger while the process is traced.
    /// </summary>
    public int ParentProcessId => Simulation.SimulatedKernel.Current.ParentProcessId;

    /// <summary><c>td->td_ucred->cr_uid</c>, the effective user id.</summary>
    public uint UserId => Simulation.SimulatedKernel.Current.Credential.Uid;

    /// <summary><c>td->td_ucred->cr_ruid</c>, the real user id.</summary>
    public uint RealUserId => Simulation.SimulatedKernel.Current.Credential.RealUid;

    /// <summary><c>td->td_ucred->cr_svuid</c>, the saved user id.</summary>
    public uint SavedUserId => Simulation.SimulatedKernel.Current.Credential.SavedUid;

    /// <summary><c>td->td_ucred->cr_gid</c>, the effective group id (a field in FreeBSD 15, <c>cr_groups[0]</c> by macro in 13).</summary>
    public uint GroupId => Simulation.SimulatedKernel.Current.Credential.Gid;

    /// <summary><c>td->td_ucred->cr_rgid</c>, the real group id.</summary>
    public uint RealGroupId => Simulation.SimulatedKernel.Current.Credential.RealGid;

    /// <summary><c>td->td_ucred->cr_svgid</c>, the saved group id.</summary>
    public uint SavedGroupId => Simulation.SimulatedKernel.Current.Credential.SavedGid;

    /// <summary>
    /// The group set <c>getgroups(2)</c> reports: <c>td->td_ucred->cr_groups</c>, <c>cr_ngroups</c> entries
    /// (a span over the credential, which the thread holds a reference to for the whole syscall).
    /// FreeBSD 15 keeps the effective gid apart, so these are the supplementary groups; 13 keeps it
    /// at index 0 of the same array, so there they begin with it, as its <c>getgroups(2)</c> does.
    /// </summary>
    public ReadOnlySpan<uint> Groups => Simulation.SimulatedKernel.Current.Credential.GroupArray;

    /// <summary>
    /// <c>strlcpy(destination, td->td_proc->p_comm, length)</c>: copies the process name (at most
    /// <c>MAXCOMLEN</c> = 19 bytes) into <paramref name="destination"/>, cut to fit and NUL-terminated
    /// unless the span is empty, and returns the name's full length (a result ≥ the span's length
    /// means it was cut). Bytes after the NUL are left as they were.
    /// </summary>
    [CName("strlcpy")]
    public int CopyProcessName(Span<byte> destination)
    {
        string name = Simulation.SimulatedKernel.Current.ProcessName;
        if (destination.Length > 0)
        {
            int copied = Math.Min(name.Length, destination.Length - 1);
            for (int i = 0; i < copied; i++)
            {
                destination[i] = (byte)name[i];
            }

            destination[copied] = 0;
        }

        return name.Length;
    }

    /// <summary><c>jailed(td->td_ucred)</c>.</summary>
    public bool IsJailed => Simulation.SimulatedKernel.Current.Credential.Jailed;

    /// <summary><c>IN_CAPABILITY_MODE(td)</c>.</summary>
    public bool InCapabilityMode => Simulation.SimulatedKernel.Current.Credential.CapabilityMode;
}
