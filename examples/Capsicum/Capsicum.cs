using KmodSharp;

namespace Examples;

/// <summary>
/// Capsicum: a syscall is refused with ECAPMODE in capability mode unless it is marked safe there
/// (SYF_CAPENABLED). Only a call that touches no global namespace should be.
/// </summary>
[KernelModule("capsicum")]
public static class Capsicum
{
    /// <summary>Pure arithmetic: safe in capability mode.</summary>
    [Syscall(Name = "cap_square", CapabilityMode = true)]
    public static long Square(int value) => (long)value * value;

    /// <summary>Reports the caller's pid: a global namespace, so not allowed in capability mode.</summary>
    [Syscall(Name = "cap_whoami")]
    public static int WhoAmI(CallingThread thread) => thread.ProcessId;
}
