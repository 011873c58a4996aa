using KmodSharp;

namespace Differential;

/// <summary>Differential module: control flow. At most 10 syscalls, the dynamic slots a kernel offers (210-219).</summary>
[KernelModule("arithcontrol")]
public static class ArithControl
{
    [Syscall]
    public static int Loops(int n, int step)
    {
        int total = 0;
        int i = 0;
        while (i < (n & 63))
        {
            total += i * step;
            i++;
        }

        for (int j = 0; j < (n & 15); j++)
        {
            if (j == 3)
            {
                continue;
            }

            if (j == 11)
            {
                break;
            }

            total ^= j << j;
        }

        do
        {
            total -= step;
        }
        while ((total & 3) != 0 && step != 0 && total > -1000000);

        return total;
    }

    [Syscall(Name = "switch_cases")]
    public static int Switch(int a, int b)
    {
        switch (a & 7)
        {
            case 0:
                return b;
            case 1:
            case 2:
                return b / (a | 1);
            case 3:
                b += 7;
                break;
            default:
                b = -b;
                break;
        }

        return b * a;
    }

    [Syscall] public static int Helpers(int a, int b) => Clamp(a, -100, 100) + Mix(a, b);

    private static int Clamp(int v, int lo, int hi) => v < lo ? lo : v > hi ? hi : v;

    private static int Mix(int a, int b) => (a ^ b) / (b - 3);
}
