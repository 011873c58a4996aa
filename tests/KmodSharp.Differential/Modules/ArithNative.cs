using KmodSharp;

namespace Differential;

/// <summary>Differential module: native integers. At most 10 syscalls, the dynamic slots a kernel offers (210-219).</summary>
[KernelModule("arithnative")]
public static class ArithNative
{
    [Syscall] public static nint ArithNInt(nint a, nint b) => (a + b) ^ (a * b) ^ (a << (int)b) ^ (a >> 5);
    [Syscall] public static nint DivNInt(nint a, nint b) => a / b;
    [Syscall] public static nuint ArithNUInt(nuint a, nuint b) => (a - b) ^ (a * b) ^ (a >> 3);
    [Syscall] public static nuint DivNUInt(nuint a, nuint b) => a % b;
}
