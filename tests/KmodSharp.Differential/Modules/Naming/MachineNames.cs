using KmodSharp;

namespace Differential;

/// <summary>
/// Naming policy, names only one of the checked-in lists' sources declares: a syscall named like
/// FreeBSD libc's getprogname (glibc has none), one named like glibc's on_exit (FreeBSD has none),
/// and locals named cap_held and cap_needed, object-like macros of FreeBSD 15's sys/ktrace.h that
/// 13.2 and the host harness lack. Each is renamed on every machine, whatever its headers.
/// </summary>
[KernelModule("hdrnames")]
public static class MachineNames
{
    [Syscall]
    public static int Getprogname(int value)
    {
        int cap_held = value + 1;
        return cap_held * 2;
    }

    [Syscall]
    public static int OnExit(int first, int second)
    {
        int cap_needed = first - second;
        return cap_needed;
    }
}
