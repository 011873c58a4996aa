using System;
using KmodSharp;

// The out-of-range slice bounds are the point of this module (both worlds must fail the same way), so the
// user-controlled-size rule is off for it: KMS0205 follows syscall arguments into helpers and wants both ends bounded.
#pragma warning disable KMS0205

namespace Differential;

/// <summary>
/// Differential module: the kernel clocks and arc4random, read into locals, fields, span elements
/// and discards, with the clock's values mixed so a wrong field or unit shows.
/// </summary>
[KernelModule("clock")]
public static class Clock
{
    private static long s_lastSeconds;

    [Syscall]
    public static long Wall(int which)
    {
        KernelClock.NanoTime(out long seconds, out long nanoseconds);
        KernelClock.GetNanoTime(nanoseconds: out long coarseNs, seconds: out s_lastSeconds);
        return which switch
        {
            0 => seconds,
            1 => nanoseconds,
            2 => coarseNs,
            3 => s_lastSeconds - KernelClock.TimeSecond,
            _ => seconds * 1_000_000_000 + nanoseconds - coarseNs,
        };
    }

    [Syscall]
    public static long Uptime(int shift)
    {
        Span<long> parts = stackalloc long[2];
        KernelClock.GetMicroUptime(out parts[0], out parts[1]);
        KernelClock.GetMicroUptime(out _, out long again);
        KernelClock.NanoTime(out _, out _);
        return ((parts[0] * 1_000_000 + parts[1]) >> (shift & 15)) + (again == parts[1] ? 0 : 1);
    }

    [Syscall]
    public static int TicksSince(int start) => KernelClock.Ticks - start;

    [Syscall]
    public static long Randoms(int count)
    {
        if (count < 0 || count > 9)
        {
            return -1;
        }

        long mix = 0;
        for (int i = 0; i < count; i++)
        {
            mix = mix * 31 + KernelClock.Random();
        }

        return mix;
    }

    [Syscall]
    public static long RandomBuffer(int size, int offset)
    {
        if (size > 40 || offset > 40)
        {
            return -1;
        }

        Span<byte> bytes = stackalloc byte[32];
        bytes.Fill(0xee);
        KernelClock.RandomBytes(bytes.Slice(offset, size));
        long h = 0;
        foreach (byte b in bytes)
        {
            h = h * 257 + b;
        }

        return h;
    }

    [Syscall]
    public static Errno CopyNow(UserPtr<long> destination)
    {
        KernelClock.NanoTime(out long seconds, out long nanoseconds);
        long stamp = seconds * 1000 + nanoseconds / 1_000_000;
        return Kernel.CopyOut(in stamp, destination);
    }
}
