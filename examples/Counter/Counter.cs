using KmodSharp;

namespace Examples;

/// <summary>
/// Module state shared by every caller: a total guarded by a mutex, exposed read-only as
/// kern.counter.total and kern.counter.calls. The lock exists before the syscall is callable and
/// is destroyed after it is drained.
/// </summary>
[KernelModule("counter")]
public static class Counter
{
    private static KernelMutex totalLock;

    [Sysctl("total", Description = "sum of every value added")]
    private static long total;

    [Sysctl("calls", Description = "number of counter_add calls")]
    private static int calls;

    /// <summary>Adds <paramref name="value"/> to the module's total under its mutex.</summary>
    /// <param name="value">The amount to add; may be negative.</param>
    /// <returns>The new total, a 64-bit value.</returns>
    [Syscall(Name = "counter_add")]
    public static long Add(int value)
    {
        using (totalLock.Lock())
        {
            total += value;
            calls++;
            return total;
        }
    }
}
