using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (fixed): a const local is declared and assigned in C, but its uses are folded to the
/// constant: -Wunused-but-set-variable (-Werror), the module does not compile.
/// </summary>
[KernelModule("constlocals")]
public static class ConstLocalsModule
{
    [Syscall]
    public static int ConstLocals(int a)
    {
        const int Mask = 0x7f;
        const uint Unsigned = 3000000000;
        return (a & Mask) + (int)(Unsigned >> (a & 7));
    }
}
