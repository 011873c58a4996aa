using KmodSharp;

namespace Differential;

/// <summary>
/// Naming policy: module "read" with a syscall "read" (sys_read, read_args), module-named syscalls
/// that are also FreeBSD's (sched_yield), and a helper whose C name is a real syscall's (sched_getparam).
/// </summary>
[KernelModule("sched")]
public static class KernelNamedSched
{
    [Syscall]
    public static int SchedYield(int x) => Getparam(x) + 1;

    [Syscall]
    public static int SchedGetparam(int x) => Getparam(x) * 2;

    private static int Getparam(int x) => x ^ 0x55;
}
