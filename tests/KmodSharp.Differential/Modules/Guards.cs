using KmodSharp;

namespace Differential;

/// <summary>A helper enum the guards switch on.</summary>
public enum Weather { Calm, Breeze = 3, Gale = 8, Storm = 12 }

/// <summary>
/// Differential module: 'when' guards in switch statements and expressions, with 'var'/'int'/enum
/// pattern variables, guards that divide or overflow (their errno only when the pattern matched),
/// guards that call a helper, a guard that assigns the switched local, and guarded Errno returns.
/// </summary>
[KernelModule("guards")]
public static class Guards
{
    [Syscall]
    public static int ArmOverLimit(int value, int limit)
    {
        int kind = value switch
        {
            > 0 when value > limit => 2,
            > 0 => 1,
            var other when other < -limit => -2,
            _ => 0,
        };
        return kind;
    }

    [Syscall]
    public static int CaseOverLimit(int value, int limit)
    {
        switch (value)
        {
            case > 0 when value > limit:
                return 2;
            case > 0:
                return 1;
            case int negative when negative == int.MinValue || negative < -limit:
                return -2;
            default:
                return 0;
        }
    }

    [Syscall]
    public static Errno RejectAbove(int value, int limit)
    {
        return value switch
        {
            > 0 when value > limit => Errno.EINVAL,
            < 0 when value < -limit => Errno.ERANGE,
            _ => Errno.None,
        };
    }

    // The guard divides: C# throws (EDOM here) only when the pattern matched and the guard runs.
    [Syscall]
    public static int DividingGuard(int dividend, int divisor) => dividend switch
    {
        0 => 100,
        > 1000 when dividend / divisor > 10 => 1,
        var n when n % divisor == 1 => 2,
        _ => 3,
    };

    [Syscall]
    public static long CheckedGuard(long amount, long factor)
    {
        switch (amount)
        {
            case < 0 when checked(amount * factor) < -1_000_000:
                return -1;
            case var total when total > 16 && checked(total * factor) > 1_000_000:
                return 1;
            case 5:
            case 7 when factor != 0:
            case 9 when 100 / factor > 3:
                return 57;
            default:
                return 0;
        }
    }

    [Syscall]
    public static int HelperGuard(int reading, int threshold) => (Weather)(reading & 15) switch
    {
        Weather w when IsSevere(w, threshold) => (int)w * 10,
        Weather.Calm or Weather.Breeze => 1,
        Weather w => (int)w + threshold,
    };

    // The guard assigns the local switched on: the later arms still test the value the switch began with.
    [Syscall]
    public static int GuardAssignsSubject(int code)
    {
        int x = code;
        switch (x)
        {
            case 1 when (x = 2) > 5:
                return 100;
            case 2:
                return 200 + x;
            case var seen when seen != x:
                return 300 + seen * 10 + x;
            default:
                return x;
        }
    }

    [Syscall]
    public static SyscallResult<int> Classified(int value, int bound) => value switch
    {
        int v when v > bound => Errno.E2BIG,
        int v when v < 0 => v == int.MinValue ? Errno.EINVAL : -v,
        int v => v,
    };

    [Syscall]
    public static int LoopWithGuards(int count, int step)
    {
        int total = 0;
        for (int i = 0; i < (count & 63); i++)
        {
            switch (i)
            {
                case var odd when (odd & 1) == 1 && step > 0:
                    total += odd * step;
                    continue;
                case > 40 when total > 1000:
                    break;
                default:
                    total -= 1;
                    break;
            }
        }

        return total;
    }

    private static bool IsSevere(Weather weather, int threshold) => weather >= Weather.Gale && (int)weather > threshold;
}
