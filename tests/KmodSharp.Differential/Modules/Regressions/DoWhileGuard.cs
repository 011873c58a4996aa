using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (fixed): a do-while whose condition needs a guard (checked, division) emits the continue
/// label "kms_next1:" even when no continue uses it: -Wunused-label (-Werror), the module does not compile.
/// </summary>
[KernelModule("dowhileguard")]
public static class DoWhileGuard
{
    [Syscall]
    public static int DoGuard(int a, int b)
    {
        int n = 0;
        do
        {
            n++;
            a >>= 1;
        }
        while (checked(a * b) != 0 && n < 40);

        return n;
    }
}
