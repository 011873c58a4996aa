using KmodSharp;

namespace Differential;

/// <summary>Naming policy: module "read" whose syscall is "read" too: no sys_read, no struct read_args.</summary>
[KernelModule("read")]
public static class KernelNamedRead
{
    [Syscall]
    public static int Read(int fd, int nbyte) => fd * 31 + nbyte;

    [Syscall]
    public static int Write(int fd) => Read(fd, 1) - 1;
}
