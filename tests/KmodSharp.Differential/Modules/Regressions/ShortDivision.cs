using KmodSharp;

namespace Differential;

/// <summary>Regression (fixed): dividing promoted short/sbyte operands emits an INT_MIN guard on an int16_t (-Wtype-limits, -Werror).</summary>
[KernelModule("shortdiv")]
public static class ShortDivision
{
    [Syscall] public static int DivShort(short a, short b) => a / b + a % b;
}
