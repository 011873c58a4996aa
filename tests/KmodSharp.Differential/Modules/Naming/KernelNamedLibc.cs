using KmodSharp;

namespace Differential;

/// <summary>
/// Naming policy, userland side: syscalls named like libc's functions (read, getpid, open, ioctl,
/// write, close, kill) get library functions of their own (proc_read…), one of which meets a
/// syscall that already has that name (proc_read → proc_read_2); parameters named like the
/// library's own locals and userland macros (number, second, stdin); a module named like the
/// kernel's sysctl node kern.proc, whose node must be its own.
/// </summary>
[KernelModule("proc")]
public static class KernelNamedLibc
{
    [Sysctl("calls", Description = "calls so far")]
    private static int s_calls;

    [Syscall]
    public static int Read(int fd, int nbyte)
    {
        s_calls++;
        return fd * 31 + nbyte;
    }

    [Syscall]
    public static int Getpid() => 7 + s_calls;

    [Syscall]
    public static int Open(int number, int second) => number ^ second;

    [Syscall]
    public static int Ioctl(int fd, uint request, int stdin) => fd + (int)(request & 0xff) - stdin;

    [Syscall]
    public static int Write(int fd, int count) => Read(fd, count) - 1;

    [Syscall]
    public static int Close(int fd) => fd < 0 ? -fd : fd;

    [Syscall]
    public static int Kill(int pid, int sig) => pid * 64 + sig;

    [Syscall]
    public static int ProcRead(int fd) => Read(fd, 2) + 1;
}
