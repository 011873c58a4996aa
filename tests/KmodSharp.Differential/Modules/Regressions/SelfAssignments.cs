using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (fixed, found on the real FreeBSD 13.2 kernel: 18 of the first 24 seeds of the real-kernel
/// sample): a variable assigned to itself (<c>x = x;</c>, <c>x |= x;</c>, <c>x &amp;= x;</c>) was written
/// to C unchanged, which clang's -Wall (-Wself-assign) refuses under kern.mk's -Werror: bsd.kmod.mk
/// did not build the module. The statements change nothing and are left out.
/// </summary>
[KernelModule("selfassign")]
public static class SelfAssignmentsModule
{
    private static long s_total = 5;

    [Syscall]
    public static long SelfAssignments(int a, uint b, short c)
    {
#pragma warning disable CS1717 // The point of the test: a user may write it.
        a = a;
        s_total = s_total;
#pragma warning restore CS1717
        b |= b;
        c &= c;
        s_total |= s_total;
        s_total += a;
        return s_total * 1000003 + b * 31L + c;
    }
}
