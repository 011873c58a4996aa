using KmodSharp;

namespace Differential;

/// <summary>
/// Known gap: printf's format check accepts "%-05d" ('0' with '-'), which gcc -Wformat rejects
/// ("'0' flag ignored with '-' flag"), so the module does not compile with -Werror.
/// </summary>
[KernelModule("printfflags")]
public static class PrintfFlags
{
    [Syscall]
    public static int Print(int a)
    {
        Kernel.Printf("[%-05d]\n", a);
        return a;
    }
}
