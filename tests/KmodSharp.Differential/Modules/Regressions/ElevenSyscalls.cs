using KmodSharp;

namespace Differential;

/// <summary>
/// Known gap: a loadable module gets its dynamic syscall slots from the kernel's free ones
/// (210-219): the 11th [Syscall] makes kldload fail with ENFILE, yet KmodSharp reports nothing.
/// A diagnostic (or fixed numbers / a syscall multiplexer) is needed.
/// </summary>
[KernelModule("elevensyscalls")]
public static class ElevenSyscalls
{
    [Syscall] public static int S0(int a) => a + 0;
    [Syscall] public static int S1(int a) => a + 1;
    [Syscall] public static int S2(int a) => a + 2;
    [Syscall] public static int S3(int a) => a + 3;
    [Syscall] public static int S4(int a) => a + 4;
    [Syscall] public static int S5(int a) => a + 5;
    [Syscall] public static int S6(int a) => a + 6;
    [Syscall] public static int S7(int a) => a + 7;
    [Syscall] public static int S8(int a) => a + 8;
    [Syscall] public static int S9(int a) => a + 9;
    [Syscall] public static int S10(int a) => a + 10;
}
