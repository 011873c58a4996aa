using KmodSharp;

namespace Differential;

/// <summary>
/// Naming policy, object-like macros: a module named curthread, syscalls named curproc and
/// curcpu, a sysctl leaf named curproc, parameters and locals named NULL, bool, true, hz,
/// ticks, curthread, curcpu — each a macro (or a kernel variable) some header defines, which the
/// preprocessor would expand inside MODULE_VERSION, SYSCALL_MODULE, SDT_PROBE and SYSCTL_*.
/// </summary>
[KernelModule("curthread")]
public static class KernelNamedMacros
{
    [Sysctl("curproc", Description = "last result")]
    private static int s_last;

    [Syscall]
    public static int Curproc(int NULL, int @bool, int @true)
    {
        int hz = NULL + @bool;
        int ticks = hz * 3 - @true;
        s_last = ticks;
        return ticks;
    }

    [Syscall(Name = "curcpu")]
    public static int PageSize(int curthread, int curcpu)
    {
        int curproc = curthread - curcpu;
        return curproc + s_last;
    }
}
