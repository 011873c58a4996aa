using System;
using KmodSharp;

namespace Differential;

/// <summary>
/// Differential module: helpers that return a <c>KernelBuffer</c> — ownership passes to the caller,
/// whose <c>using</c> frees it on every path (early returns, a later failure, a loop's next round).
/// The helpers fail as .NET throws (a negative count is EOVERFLOW, a zero divisor EDOM), M_NOWAIT
/// allocations fail by fault injection, and a helper may return another helper's buffer. Both worlds
/// count leaks.
/// </summary>
[KernelModule("bufferhelpers")]
public static class BufferHelpers
{
    [Syscall]
    public static SyscallResult<int> Sum(int count, int divisor) => SumScaled(count % 40, divisor % 5);

    [Syscall]
    public static SyscallResult<long> Loop(int rounds, int size) => Rounds(rounds & 7, size % 24, seed: rounds);

    private static int SumScaled(int count, int divisor)
    {
        using KernelBuffer<short> values = Scaled(count, divisor);
        if (values.IsNull)
        {
            return -1;
        }

        Span<short> all = values.Span;
        for (int i = 0; i < all.Length; i++)
        {
            all[i] = (short)(i * divisor);
        }

        if (all.Length > 30)
        {
            return -2;
        }

        int total = 0;
        foreach (short v in all[(all.Length / 2)..])
        {
            total = (total * 5) + v;
        }

        using KernelBuffer<byte> copy = Bytes(total & 15);
        return total + copy.Length + values.Span[^1];
    }

    private static long Rounds(int rounds, int size, int seed)
    {
        long acc = seed;
        for (int r = 0; r < rounds; r++)
        {
            using KernelBuffer<long> round = Doubled(size - r);
            if (round.IsNull)
            {
                continue;
            }

            round.Span.Fill(acc);
            acc = (acc * 3) + round.Length;
            if (acc > 1000000)
            {
                break;
            }
        }

        return acc;
    }

    // count / divisor elements: EDOM for a zero divisor, EOVERFLOW for a negative count.
    private static KernelBuffer<short> Scaled(int count, int divisor) =>
        Kernel.Allocate<short>(count / divisor, MallocFlags.NoWait | MallocFlags.Zero);

    private static KernelBuffer<byte> Bytes(int count)
    {
        return Kernel.Allocate<byte>(count, MallocFlags.WaitOk | MallocFlags.Zero);
    }

    private static KernelBuffer<long> Doubled(int count) => Longs(count * 2);

    private static KernelBuffer<long> Longs(int count) => Kernel.Allocate<long>(count, MallocFlags.NoWait);
}
