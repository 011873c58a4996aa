using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (fixed): C# evaluates operands and arguments left to right, each once; C leaves the
/// order of a call's arguments and of an operator's operands unspecified, so helpers that mutate
/// a static gave other results in the C. Each syscall folds the order it saw into its result.
/// </summary>
[KernelModule("evalorder")]
public static class EvaluationOrder
{
    private static int s_state;
    private static int s_x;
    private static int s_index;

    private static int Next()
    {
        s_state = s_state * 3 + 1;
        return s_state;
    }

    private static int Combine(int a, int b) => a * 1000 + b;

    private static int Combine3(int a, int b, int c) => (a * 1000 + b) * 1000 + c;

    private static int Refill()
    {
        s_x += 7;
        return 5;
    }

    private static int Bump()
    {
        s_index++;
        return 40 + s_index;
    }

    [Syscall]
    public static int TwoCalls(int seed)
    {
        s_state = seed & 15;
        return Combine(Next(), Next());
    }

    [Syscall]
    public static int ReadBeforeCall(int seed)
    {
        s_state = seed & 15;
        return Combine(s_state, Next());
    }

    [Syscall]
    public static int CallBeforeRead(int seed)
    {
        s_state = seed & 15;
        return Combine(Next(), s_state);
    }

    [Syscall]
    public static int CompoundReadsTargetFirst(int seed)
    {
        s_x = seed & 15;
        s_x += Refill();
        return s_x;
    }

    [Syscall]
    public static int CompoundMultiply(int seed)
    {
        s_x = seed & 15;
        s_x *= Refill();
        int y = s_x;
        y -= Refill() + s_x;
        return y * 1000 + s_x;
    }

    [Syscall]
    public static int ElementIndexBeforeValue(int seed)
    {
        s_index = seed & 3;
        System.Span<int> a = stackalloc int[8];
        a[s_index] = Bump();
        return a[0] + a[1] * 100 + a[2] * 10000 + a[3] * 1000000 + s_index;
    }

    [Syscall]
    public static int Subtract(int seed)
    {
        s_state = seed & 15;
        return Next() - Next();
    }

    [Syscall]
    public static int Nested(int seed)
    {
        s_state = seed & 7;
        return Combine3(s_state, Combine(Next(), s_state), Next() - s_state);
    }
}
