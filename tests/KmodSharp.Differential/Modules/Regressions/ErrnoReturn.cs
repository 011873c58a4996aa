using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (fixed): a syscall whose handler returns Errno or void gets an entry function that never uses
/// its "td" parameter (-Wunused-parameter, -Werror): no such handler compiles (unless it calls
/// priv_check or takes a CallingThread).
/// </summary>
[KernelModule("errnoreturn")]
public static class ErrnoReturn
{
    [Syscall] public static Errno Check(int a) => a == 0 ? Errno.None : Errno.EINVAL;

    [Syscall]
    public static void Log(int a)
    {
        Kernel.Printf("log %d\n", a);
    }
}
