using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (fixed): printf's %lld and %qd of a C# long pass the analyzer's format check, but a long is
/// int64_t (long) in C, so gcc -Wformat (-Werror) rejects the call; the backend should cast to long long or the analyzer reject it.
/// </summary>
[KernelModule("printflonglong")]
public static class PrintfLongLong
{
    [Syscall]
    public static long Print(long c)
    {
        Kernel.Printf("lld=%lld qd=%qd\n", c, c);
        return c;
    }
}
