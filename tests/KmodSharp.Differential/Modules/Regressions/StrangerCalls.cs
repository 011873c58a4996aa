using KmodSharp;

namespace Differential;

/// <summary>
/// Calls written as a stranger would: named arguments in odd orders, defaults skipped, nested
/// calls with side effects, members of call results, ref arguments by name, checked operators
/// over calls. Each folds the order it saw into its result.
/// </summary>
[KernelModule("strangercalls")]
public static class StrangerCalls
{
    private static int s_trace;

    private struct Point
    {
        public int X;
        public int Y;
    }

    private static int Trace(int digit)
    {
        s_trace = s_trace * 10 + digit;
        return digit;
    }

    private static int Encode(int major, int minor = 9, int patch = 4) => major * 10000 + minor * 100 + patch;

    private static Point MakePoint(int x, int y = 3)
    {
        Point p;
        p.X = x;
        p.Y = y;
        return p;
    }

    private static void Swap(ref int a, ref int b)
    {
        int t = a;
        a = b;
        b = t;
    }

    private static void Accumulate(ref int total, int amount, int times = 1)
    {
        total += amount * times;
    }

    [Syscall]
    public static int NestedNamed(int seed)
    {
        s_trace = seed & 7;
        int r = Encode(patch: Trace(Encode(minor: Trace(2), major: 0) / 100), major: Trace(1));
        return r + s_trace * 100000;
    }

    [Syscall]
    public static int MemberOfResult(int a)
    {
        s_trace = 0;
        int x = MakePoint(y: Trace(a & 7), x: Trace(5)).X;
        int y = MakePoint(Trace(6)).Y;
        return x * 100000 + y * 10000 + s_trace;
    }

    [Syscall]
    public static int RefByName(int a, int b)
    {
        int x = a & 255, y = b & 255;
        Swap(b: ref y, a: ref x);
        Accumulate(times: Trace(3), total: ref x, amount: y);
        return x * 1000 + y;
    }

    [Syscall]
    public static SyscallResult<int> CheckedOverCalls(int seed)
    {
        s_trace = seed & 0xffff;
        int product = checked(Trace(seed & 7) * Trace(seed >> 28 & 7) - Trace(9));
        return product * 1000 + (s_trace & 0x3ff);
    }

    [Syscall]
    public static int ConditionalCalls(int seed)
    {
        s_trace = 0;
        int r = (seed & 1) == 0 ? Trace(1) + Trace(2) * 10 : Trace(3) - Trace(4);
        return r * 1000 + s_trace;
    }

    [Syscall]
    public static SyscallResult<int> SliceOfResultLength(int a)
    {
        System.Span<byte> bytes = stackalloc byte[16];
        s_trace = 0;
        int length = bytes.Slice(start: Trace(4)).Slice(length: Trace(3), start: Trace(1)).Length;
        return length * 1000 + s_trace + (a & 1);
    }
}
