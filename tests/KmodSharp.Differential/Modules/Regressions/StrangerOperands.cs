using KmodSharp;

namespace Differential;

/// <summary>
/// Operands written as a stranger would: ++ and compound assignments of statics inside arguments,
/// call results as indices, out variables read by a later argument, atomics, conditionals and
/// divisions over calls. Each folds the order it saw into its result.
/// </summary>
[KernelModule("strangerops")]
public static class StrangerOperands
{
    private static int s_x;
    private static int s_counter;

    private static int Next()
    {
        s_x = s_x * 3 + 1;
        return s_x & 7;
    }

    private static int Combine(int a, int b) => a * 1000 + b;

    private static int Read(out int value)
    {
        value = s_x + 2;
        return 1;
    }

    [Syscall]
    public static int IncrementInArguments(int seed)
    {
        s_x = seed & 255;
        return Combine(s_x++, s_x) + Combine(s_x += 2, s_x) * 3;
    }

    [Syscall]
    public static SyscallResult<int> CallIndices(int seed)
    {
        s_x = seed & 15;
        System.Span<int> a = stackalloc int[8];
        a[Next()] = Next();
        a[Next()] += Next() * 10;
        return a[0] + a[1] * 3 + a[2] * 5 + a[3] * 7 + a[4] * 11 + a[5] * 13 + a[6] * 17 + a[7] * 19;
    }

    [Syscall]
    public static int OutReadLater(int seed)
    {
        s_x = seed & 255;
        return Combine(Read(out int v), v);
    }

    [Syscall]
    public static int AtomicOperands(int seed)
    {
        s_x = seed & 15;
        s_counter = seed >> 8 & 255;
        Atomic.Add(ref s_counter, Next());
        int old = Atomic.FetchAdd(ref s_counter, Next() + s_x);
        return old * 1000 + s_counter;
    }

    [Syscall]
    public static int ConditionalArgument(int seed)
    {
        s_x = seed & 15;
        return Combine(s_x, (seed & 16) == 0 ? Next() : -1) + Combine(-Next() + s_x, s_x);
    }

    [Syscall]
    public static SyscallResult<int> DivisionOverCalls(int seed)
    {
        s_x = seed & 255;
        int q = (s_x + 100) / Next();
        int r = Next() % (Next() + 1);
        return q * 1000 + r * 10 + (s_x & 7);
    }

    [Syscall]
    public static int ShortCircuitAndDiscard(int seed)
    {
        s_x = seed & 15;
        _ = Next();
        bool both = Next() > 3 && Next() > s_x % 8;
        return (both ? 1000 : 0) + s_x;
    }
}
