using KmodSharp;

namespace Examples;

/// <summary>
/// Capsicum: a syscall is refused with ECAPMODE in capability mode unless it is marked safe there
/// (SYF_CAPENABLED). Only a call that touches no global namespace should be.
/// </summary>
[KernelModule("capsicum")]
public static class Capsicum
{
    /// <summary>Squares <paramref name="value"/>: pure arithmetic, safe in capability mode.</summary>
    /// <param name="value">The number to square.</param>
    /// <returns>The square, as a 64-bit value.</returns>
    [Syscall(Name = "cap_square", CapabilityMode = true)]
    public static long Square(int value) => (long)value * value;

    /// <summary>Reports the caller's pid: a global namespace, so not allowed in capability mode.</summary>
    /// <returns>The process ID of the caller.</returns>
    [Syscall(Name = "cap_whoami")]
    public static int WhoAmI(CallingThread thread) => thread.ProcessId;
}
