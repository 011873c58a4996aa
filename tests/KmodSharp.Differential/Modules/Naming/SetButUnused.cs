using KmodSharp;

namespace Differential;

/// <summary>
/// Harness flags: a local that is set but never read compiles, as under kern.mk (a warning, not an
/// error). Its store calls a helper with an effect, so it stays in the C (a quiet one goes).
/// </summary>
[KernelModule("setunused")]
public static class SetButUnused
{
    private static int s_calls;

    private static int Counted(int a)
    {
        s_calls++;
        return a * 3;
    }

    [Syscall]
    public static int Twice(int a)
    {
        int scratch;
        scratch = Counted(a);
        return a * 2 + s_calls;
    }
}
