using KmodSharp;

namespace Differential;

/// <summary>Differential module: extreme constants (MinValue literals, unsigned maxima, folded casts), chained and embedded assignments, out parameters.</summary>
[KernelModule("arithconstants")]
public static class ArithConstants
{
    private const long Big = long.MinValue;

    [Syscall] public static int IntMin(int a) => (a == int.MinValue ? 1 : 0) + (a > int.MinValue + 5 ? 2 : 0) + (a ^ int.MinValue);
    [Syscall] public static long LongMin(long a) => a == Big ? 1 : (a < long.MinValue / 2 ? a - long.MinValue : a ^ long.MinValue);
    [Syscall] public static ulong UnsignedMax(ulong a, uint b) => (a & ulong.MaxValue - 1) ^ (b & 0xFFFFFFFFu) ^ unchecked((ulong)-1) ^ 0x8000000000000000UL;
    [Syscall] public static long FoldedCasts(int a) => unchecked((long)(uint)-1 + (long)(byte)300 + (sbyte)-129 + (short)65535 + a * (long)(ushort)-1);
    [Syscall] public static nint NativeConstants(nint a) => a ^ (nint)int.MinValue ^ (nint)long.MaxValue;
    [Syscall] public static ushort Chars(ushort c, int d) => (ushort)(c + (char)65 + d);

    [Syscall]
    public static int Chained(int a, int b)
    {
        int x, y, z;
        x = y = z = a;
        y += z *= b;
        return ((x -= 3) * 2) + y + z;
    }

    [Syscall]
    public static int OutParameters(int a)
    {
        Split(a, out int high, out int low);
        Swap(ref high, ref low);
        return (high << 16) | low;
    }

    [Syscall]
    public static int SideEffectsInConditions(int a, int b)
    {
        int calls = 0;
        if (a++ > 0 || b++ > 0)
        {
            calls += 1;
        }

        if (--a < 0 && --b < 0)
        {
            calls += 2;
        }

        return calls * 1000 + a + b;
    }

    private static void Split(int v, out int high, out int low)
    {
        high = (v >> 16) & 0xffff;
        low = v & 0xffff;
    }

    private static void Swap(ref int a, ref int b)
    {
        int t = a;
        a = b;
        b = t;
    }
}
