using KmodSharp;

namespace Differential;

/// <summary>Differential module: long / ulong. At most 10 syscalls, the dynamic slots a kernel offers (210-219).</summary>
[KernelModule("arithlong")]
public static class ArithLong
{
    [Syscall] public static long MixLong(long a, long b) => (a + b) ^ (a - b) ^ (a * b);
    [Syscall] public static long DivLong(long a, long b) => a / b;
    [Syscall] public static long RemLong(long a, long b) => a % b;
    [Syscall] public static long ShiftsLong(long a, int n) => (a << n) ^ (a >> n) ^ (a >>> (n + 3));
    [Syscall] public static long CheckedLong(long a, long b) => checked(a * b + a - b);
    [Syscall] public static ulong ArithULong(ulong a, ulong b) => (a + b) ^ (a - b) ^ (a * b) ^ ~a;
    [Syscall] public static ulong DivULong(ulong a, ulong b) => (a / b) ^ (a % b);
    [Syscall] public static ulong ShiftsULong(ulong a, int n) => (a << n) ^ (a >> n);
    [Syscall] public static ulong CheckedULong(ulong a, ulong b) => checked(a * b + a - b);
}
