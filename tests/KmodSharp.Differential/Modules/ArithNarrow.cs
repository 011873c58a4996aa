using KmodSharp;

namespace Differential;

/// <summary>Differential module: narrow types: promotion to int, truncation on assignment. At most 10 syscalls, the dynamic slots a kernel offers (210-219).</summary>
[KernelModule("arithnarrow")]
public static class ArithNarrow
{
    [Syscall] public static int ArithByte(byte a, byte b) => (a + b) * (a - b) ^ ~a;
    [Syscall] public static byte WrapByte(byte a, byte b) => (byte)(a * b + a);
    [Syscall] public static int ArithSByte(sbyte a, sbyte b) => a * b - (a >> 1) + (a << 3);
    [Syscall] public static sbyte WrapSByte(sbyte a, sbyte b) => (sbyte)(a - b);
    [Syscall] public static int ArithShort(short a, short b) => (a * b) ^ (a - b) ^ -a ^ (a >> 3);
    [Syscall] public static ushort WrapUShort(ushort a, ushort b) => (ushort)(a * b - (a >> 2));
    [Syscall] public static int CheckedNarrow(int a, short b) => checked((short)(a + b));
}
