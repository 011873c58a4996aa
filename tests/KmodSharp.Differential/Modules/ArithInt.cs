using KmodSharp;

namespace Differential;

/// <summary>Differential module: int. At most 10 syscalls, the dynamic slots a kernel offers (210-219).</summary>
[KernelModule("arithint")]
public static class ArithInt
{
    [Syscall] public static int AddInt(int a, int b) => a + b;
    [Syscall] public static int SubInt(int a, int b) => a - b;
    [Syscall] public static int MulInt(int a, int b) => a * b;
    [Syscall] public static int DivInt(int a, int b) => a / b;
    [Syscall] public static int RemInt(int a, int b) => a % b;
    [Syscall] public static int ShlInt(int a, int n) => a << n;
    [Syscall] public static int ShrInt(int a, int n) => a >> n;
    [Syscall] public static int UshrInt(int a, int n) => a >>> n;
    [Syscall] public static int BitsInt(int a, int b) => (a & b) ^ (a | ~b) ^ -a;
    [Syscall] public static int CheckedInt(int a, int b) => checked(a * b + a - b);
}
