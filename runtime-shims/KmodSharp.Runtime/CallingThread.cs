namespace KmodSharp;

/// <summary>
/// The thread making the syscall. Declare a parameter of this type on a <c>[Syscall]</c> method to
/// read its credentials; it is not a syscall argument (it becomes <c>td</c>).
/// </summary>
public readonly struct CallingThread
{
    /// <summary><c>td->td_proc->p_pid</c>.</summary>
    public int ProcessId => Simulation.SimulatedKernel.Current.ProcessId;

    /// <summary><c>td->td_ucred->cr_uid</c>, the effective user id.</summary>
    public uint UserId => Simulation.SimulatedKernel.Current.Credential.Uid;

    /// <summary><c>jailed(td->td_ucred)</c>.</summary>
    public bool IsJailed => Simulation.SimulatedKernel.Current.Credential.Jailed;

    /// <summary><c>IN_CAPABILITY_MODE(td)</c>.</summary>
    public bool InCapabilityMode => Simulation.SimulatedKernel.Current.Credential.CapabilityMode;
}
