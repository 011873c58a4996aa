using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (fixed): a callee that can fail (its errno path is .NET's exception) was called
/// before earlier arguments with side effects had run, so a static they change kept its old value
/// when the syscall failed.
/// </summary>
[KernelModule("evalfail")]
public static class EvaluationOrderFailure
{
    private static int s_count;

    private static int Count()
    {
        s_count++;
        return s_count;
    }

    private static int Divide(int a, int b) => a / b;

    private static int Pair(int a, int b) => a * 1000 + b;

    [Syscall]
    public static int CountThenDivide(int a, int b)
    {
        return Pair(Count(), Divide(a, b));
    }

    [Syscall]
    public static int Counted() => s_count;

    [Syscall]
    public static int CountThenIndex(int i)
    {
        System.Span<int> values = stackalloc int[4];
        values[1] = 7;
        return Pair(Count(), values[i]);
    }

    [Syscall]
    public static int CountThenChecked(int a, int b)
    {
        return Count() + checked(a * b);
    }
}
