using KmodSharp;

namespace Differential;

/// <summary>
/// Known bug: a syscall whose handler returns Errno gets an entry function that never uses its
/// "td" parameter (-Wunused-parameter, -Werror): no handler returning Errno compiles.
/// </summary>
[KernelModule("errnoreturn")]
public static class ErrnoReturn
{
    [Syscall] public static Errno Check(int a) => a == 0 ? Errno.None : Errno.EINVAL;
}
