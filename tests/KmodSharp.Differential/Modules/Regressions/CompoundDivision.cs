using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (fixed): an unchecked compound division (x /= b, x %= b) gets the EDOM/EOVERFLOW guard, but
/// FailureAnalysis does not count it, so the method keeps its plain int signature and the guard's
/// "return (EDOM);" returns 33 as the syscall's value instead of failing with errno 33.
/// </summary>
[KernelModule("compounddiv")]
public static class CompoundDivision
{
    [Syscall]
    public static int CompoundDivInt(int a, int b)
    {
        int x = a;
        x /= b;
        x %= b + 2;
        return x;
    }
}
