using KmodSharp;

namespace Differential;

/// <summary>Regression (fixed): a checked postfix ++/-- used as a statement spills the old value into an unused temporary (-Wunused-but-set-variable, -Werror).</summary>
[KernelModule("checkedpostfix")]
public static class CheckedPostfix
{
    [Syscall]
    public static int Increment(int a)
    {
        checked
        {
            a++;
            return a;
        }
    }
}
