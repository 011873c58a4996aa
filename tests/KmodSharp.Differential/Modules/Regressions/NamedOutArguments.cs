using KmodSharp;

namespace Differential;

/// <summary>Regression (fixed): named out arguments in another order than the parameters' passed addresses where values go (C that does not compile).</summary>
[KernelModule("namedout")]
public static class NamedOutArguments
{
    private static void Split(int value, out int high, out int low, int shift = 4)
    {
        high = value >> shift;
        low = value & ((1 << shift) - 1);
    }

    [Syscall]
    public static int NamedOut(int value)
    {
        Split(low: out int low, shift: 3, value: value & 1023, high: out int high);
        return high * 1000 + low;
    }
}
