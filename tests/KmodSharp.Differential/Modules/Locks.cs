using KmodSharp;

namespace Differential;

/// <summary>
/// Differential module: mtx(9)/sx(9) module locks held by `using` with early returns, guard failures
/// and loops; state updated under a lock persists between calls of a batch in both worlds (the
/// harness's WITNESS-like checks report a lock left held).
/// </summary>
[KernelModule("locksmod")]
public static class Locks
{
    private static KernelMutex gate;
    private static KernelSxLock table;
    private static long total;
    private static int calls;
    private static int generation;
    private static int largest;

    [Syscall]
    public static SyscallResult<long> Add(int value)
    {
        using (gate.Lock())
        {
            calls++;
            if (value < 0)
            {
                return Errno.EINVAL;
            }

            total += value;
            if (value > largest)
            {
                largest = value;
                return -total;
            }
        }

        return total;
    }

    [Syscall]
    public static SyscallResult<int> Ratio(int divisor)
    {
        using (gate.Lock())
        {
            calls++;
            return (int)(total / divisor) + largest;
        }
    }

    [Syscall]
    public static long Read(int which)
    {
        using (table.LockShared())
        {
            switch (which)
            {
                case 0:
                    return generation;
                case 1:
                    return generation * 1000L;
            }
        }

        using MutexGuard guard = table.LockExclusive();
        generation++;
        return which < 0 ? -generation : generation;
    }

    [Syscall]
    public static int Steps(int count, int stop)
    {
        int done = 0;
        for (int i = 0; i < count && i < 16; i++)
        {
            using var held = gate.Lock();
            if (i == stop)
            {
                break;
            }

            if ((i & 1) == 0)
            {
                continue;
            }

            calls++;
            done++;
        }

        using (gate.Lock())
        {
            return done * 100 + (calls & 0xff);
        }
    }
}
