using KmodSharp;

namespace Differential;

/// <summary>
/// Naming policy, object-like macros: a module named curthread, syscalls named curproc and
/// curcpu, a sysctl leaf named curproc, parameters and locals named NULL, bool, true, hz,
/// ticks, curthread, curcpu, tick_sbt, td_retval — each a macro (or a kernel variable) some
/// header defines (tick_sbt and td_retval only the harness's, which the compiler reads when
/// FREEBSD_SYSDIR is unset), which the preprocessor would expand in the code and inside
/// MODULE_VERSION, SYSCALL_MODULE, SDT_PROBE and SYSCTL_*.
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
        int tick_sbt = curproc + s_last;
        int td_retval = tick_sbt;
        return td_retval;
    }
}
