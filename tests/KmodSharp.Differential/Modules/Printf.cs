using KmodSharp;

namespace Differential;

/// <summary>Differential module: printf(9) conversions, flags, widths and precisions on generated values (the harness's kvprintf vs the simulation's).</summary>
[KernelModule("printfmod")]
public static class Printf
{
    [Syscall]
    public static int Flags(int a)
    {
        Kernel.Printf("[%-+5d] [% d] [%+05d] [%-6d]\n", a, a, a, a);
        return 0;
    }

    [Syscall]
    public static int Precision(int a, int b)
    {
        Kernel.Printf("[%.0d] [%.3d] [%8.3d] [%-8.3d]\n", a, a, b, b);
        return 0;
    }

    [Syscall]
    public static int Radix(uint a)
    {
        Kernel.Printf("[%#o] [%#X] [%#10x] [%-#10x]\n", a, a, a, a);
        return 0;
    }

    [Syscall]
    public static int Lengths(long a, byte b, short c)
    {
        Kernel.Printf("[%lo] [%jx] [%hhx] [%hx]\n", a, a, b, c);
        return 0;
    }

    [Syscall]
    public static int Native(nint a, nuint b)
    {
        Kernel.Printf("[%zd] [%zu] [%zx] [%20zd]\n", a, b, b, a);
        return 0;
    }

    [Syscall]
    public static int Mixed(int a, long b, uint c, ushort d)
    {
        Kernel.Printf("%d:%ld:%u:%d", a, b, c, d);
        Kernel.Printf("|%c|\n", (byte)(d | 1));
        return 0;
    }

    [Syscall]
    public static int Eight(int a, long b, uint c, short d, byte e, nint f)
    {
        Kernel.Printf("%d %ld %u %hd %hhu %zd %#x %c|\n", a, b, c, d, e, f, c, (byte)(e | 0x20));
        Kernel.Printf("[%5d] [%-8ld] [%08x] [%+d] [%x]\n", a, b, c, d, e);
        return a ^ d;
    }
}
