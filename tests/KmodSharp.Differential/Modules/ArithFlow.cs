using KmodSharp;

namespace Differential;

/// <summary>Differential module: guarded operations in loop conditions, nested ternaries and switch sections.</summary>
[KernelModule("arithflow")]
public static class ArithFlow
{
    [Syscall]
    public static int WhileGuard(int a, int b)
    {
        int n = 0;
        int x = a;
        while (x / b > 1 && n < 40)
        {
            x -= b | 1;
            n++;
        }

        return n * 1000 + x;
    }

    [Syscall]
    public static int ForGuard(int a, int b)
    {
        int total = 0;
        for (int i = 0; i < a % b && i < 50; i++)
        {
            total += i;
        }

        return total;
    }

    [Syscall] public static int NestedTernary(int a, int b) => a > 0 ? (b > 0 ? a / b : b % a) : (b < 0 ? checked(a * b) : a - b);

    [Syscall]
    public static long SwitchSections(long a, int b)
    {
        long r = 0;
        switch (b & 15)
        {
            case 0:
            case 1:
                r = a / b;
                break;
            case 2:
                r = checked(a + b);
                break;
            case 3:
                r = a % (b - 3);
                break;
            case 4:
                for (int i = 0; i < 3; i++)
                {
                    r += a >> i;
                }

                break;
            default:
                r = -a;
                break;
        }

        return r;
    }

    [Syscall]
    public static int BreakContinue(int a)
    {
        int r = 0;
        for (int i = 0; i < 32; i++)
        {
            if (((a >> i) & 1) == 0)
            {
                continue;
            }

            if (i > 20)
            {
                break;
            }

            int j = 0;
            while (true)
            {
                if (++j > i)
                {
                    break;
                }

                r += j;
            }
        }

        return r;
    }
}
