using KmodSharp;

namespace Differential;

/// <summary>Differential module: uint. At most 10 syscalls, the dynamic slots a kernel offers (210-219).</summary>
[KernelModule("arithuint")]
public static class ArithUInt
{
    [Syscall] public static uint AddUInt(uint a, uint b) => a + b;
    [Syscall] public static uint SubUInt(uint a, uint b) => a - b;
    [Syscall] public static uint MulUInt(uint a, uint b) => a * b;
    [Syscall] public static uint DivUInt(uint a, uint b) => a / b;
    [Syscall] public static uint RemUInt(uint a, uint b) => a % b;
    [Syscall] public static uint ShiftsUInt(uint a, int n) => (a << n) ^ (a >> n) ^ (a >>> (n + 1));
    [Syscall] public static uint BitsUInt(uint a, uint b) => (a & b) ^ (a | ~b) ^ (a ^ b);
    [Syscall] public static long NegUInt(uint a) => -a;
    [Syscall] public static uint CheckedUInt(uint a, uint b) => checked(a * b + a - b);
}
