using KmodSharp;

namespace Differential;

/// <summary>Differential module: conversions. At most 10 syscalls, the dynamic slots a kernel offers (210-219).</summary>
[KernelModule("arithconversions")]
public static class ArithConversions
{
    [Syscall] public static long ConvFromInt(int a) => (long)(sbyte)a + (long)(byte)a + (short)a + (ushort)a + (long)(uint)a + (long)(ulong)a + (long)(nint)a + (long)(nuint)a;
    [Syscall] public static ulong ConvFromLong(long a) => (ulong)(int)a ^ (ulong)(uint)a ^ (ulong)(short)a ^ (ulong)(byte)a ^ (ulong)(sbyte)(a >> 8) ^ (ulong)(nuint)a;
    [Syscall] public static long ConvFromULong(ulong a) => (long)(int)a + (long)(uint)(a >> 7) + (sbyte)a + (long)(nint)a;
    [Syscall] public static long CheckedToInt(long a) => checked((int)a);
    [Syscall] public static long CheckedToUInt(long a) => checked((uint)a);
    [Syscall] public static int CheckedToByte(int a) => checked((byte)a);
    [Syscall] public static int CheckedToSByte(uint a) => checked((sbyte)a);
    [Syscall] public static long CheckedULongToLong(ulong a) => checked((long)a);
    [Syscall] public static ulong CheckedLongToULong(long a) => checked((ulong)a);
    [Syscall] public static int CheckedUShort(short a) => checked((ushort)a);
}
