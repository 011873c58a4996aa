using KmodSharp;

namespace Differential;

/// <summary>Differential module: guards inside expressions (evaluation order, short-circuit, ?:, helpers that can fail), module state.</summary>
[KernelModule("arithtricky")]
public static class ArithTricky
{
    private static int counter;
    private static long total;

    [Syscall] public static int GuardInAnd(int a, int b) => a != 0 && b / a > 1 ? 1 : 0;
    [Syscall] public static int GuardInOr(int a, int b) => a == 0 || b % a == 0 ? 1 : 0;
    [Syscall] public static int GuardInConditional(int a, int b) => a > 0 ? checked(a * b) : b / (a + 1);
    [Syscall] public static int HelperThatFails(int a, int b) => Divide(a, b) + Divide(b, a);
    [Syscall] public static long MixedDivision(uint a, int b) => a / b + a % b;
    [Syscall] public static int OrderOfEvaluation(int a, int b) => Log(a) - Log(b) * Log(a ^ b);

    [Syscall]
    public static int State(int a)
    {
        counter += a;
        total += counter;
        counter ^= (int)(total >> 3);
        return counter;
    }

    [Syscall] public static long StateTotal(long a) => checked(total + a);

    [Syscall]
    public static int SideEffectBeforeGuard(int a, int b)
    {
        int x = a;
        int r = x++ + (b / x);
        return r + x;
    }

    [Syscall] public static ulong ULongDivision(ulong a, ulong b) => b == 0 ? 0 : a / b + (a % (b | 1));

    private static int Divide(int a, int b) => a / b;

    private static int Log(int v)
    {
        Kernel.Printf("v=%d\n", v);
        return v;
    }
}
