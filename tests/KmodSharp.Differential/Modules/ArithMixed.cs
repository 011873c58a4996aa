using KmodSharp;

namespace Differential;

/// <summary>Differential module: mixed signedness. At most 10 syscalls, the dynamic slots a kernel offers (210-219).</summary>
[KernelModule("arithmixed")]
public static class ArithMixed
{
    [Syscall] public static int IntVsUInt(int a, uint b) => (a < b ? 1 : 0) | (a == b ? 2 : 0) | (a >= b ? 4 : 0);
    [Syscall] public static int LongVsUInt(long a, uint b) => (a < b ? 1 : 0) | (a > b ? 2 : 0);
    [Syscall] public static long IntPlusUInt(int a, uint b) => a + b;
    [Syscall] public static int ByteVsSByte(byte a, sbyte b) => (a < b ? 1 : 0) | (a == b ? 2 : 0) | ((a ^ b) < 0 ? 4 : 0);
    [Syscall] public static int ShortVsUShort(short a, ushort b) => a < b ? a - b : a * b;
    [Syscall] public static int CompareInt(int a, int b) =>
        (a < b ? 1 : 0) | (a <= b ? 2 : 0) | (a > b ? 4 : 0) | (a >= b ? 8 : 0) | (a == b ? 16 : 0) | (a != b ? 32 : 0);
    [Syscall] public static bool LogicInt(int a, int b) => (a > 0 && b > 0) || !(a != b) && !(a < -5 || b < -5);
    [Syscall] public static int CheckedNegInt(int a) => checked(-a);
}
