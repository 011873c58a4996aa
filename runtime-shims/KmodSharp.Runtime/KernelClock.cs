using System;

namespace KmodSharp;

/// <summary>
/// The kernel's clocks and random numbers (<c>nanotime(9)</c>, <c>arc4random(9)</c>). The times come
/// out as plain integers: <c>struct timespec</c>'s <c>tv_sec</c>/<c>tv_nsec</c>, <c>struct timeval</c>'s
/// <c>tv_sec</c>/<c>tv_usec</c>. In .NET they read <see cref="Simulation.SimulatedKernel.Clock"/>.
/// </summary>
public static class KernelClock
{
    /// <summary><c>time_second</c>: the wall clock's seconds since the Epoch, updated every tick.</summary>
    [CName("time_second")]
    public static long TimeSecond => Clock.WallSeconds;

    /// <summary><c>ticks</c>: clock interrupts since boot (<c>hz</c> per second); it wraps, so compare differences.</summary>
    [CName("ticks")]
    public static int Ticks => Clock.Ticks;

    /// <summary><c>nanotime(9)</c>: the precise wall-clock time, read from the timecounter now.</summary>
    [CName("nanotime")]
    public static void NanoTime(out long seconds, out long nanoseconds) =>
        (seconds, nanoseconds) = (Clock.WallSeconds, Clock.WallNanoseconds);

    /// <summary><c>getnanotime(9)</c>: the wall-clock time of the last tick (cheap, up to a tick old).</summary>
    [CName("getnanotime")]
    public static void GetNanoTime(out long seconds, out long nanoseconds) =>
        (seconds, nanoseconds) = (Clock.WallSeconds, Simulation.SimulatedClock.AtLastTick(Clock.WallNanoseconds));

    /// <summary><c>getmicrouptime(9)</c>: the time since boot at the last tick, in seconds and microseconds.</summary>
    [CName("getmicrouptime")]
    public static void GetMicroUptime(out long seconds, out long microseconds) =>
        (seconds, microseconds) = (Clock.UptimeSeconds, Simulation.SimulatedClock.AtLastTick(Clock.UptimeNanoseconds) / 1000);

    /// <summary><c>arc4random(9)</c>: 32 random bits.</summary>
    [CName("arc4random")]
    public static uint Random() => (uint)(Clock.NextRandom() >> 32);

    /// <summary><c>arc4random_buf(9)</c>: fills <paramref name="destination"/> with random bytes.</summary>
    [CName("arc4random_buf")]
    public static void RandomBytes(Span<byte> destination)
    {
        ulong word = 0;
        for (int i = 0; i < destination.Length; i++)
        {
            if (i % 8 == 0)
            {
                word = Clock.NextRandom();
            }

            destination[i] = (byte)(word >> (8 * (i % 8)));
        }
    }

    private static Simulation.SimulatedClock Clock => Simulation.SimulatedKernel.Current.Clock;
}
