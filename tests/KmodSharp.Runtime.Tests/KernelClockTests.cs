using System;
using KmodSharp.Simulation;
using Xunit;

namespace KmodSharp.Runtime.Tests;

/// <summary>The simulated clocks (precise and tick-cached readings) and the deterministic random stream.</summary>
public sealed class KernelClockTests
{
    [Fact]
    public void The_cached_readings_are_the_time_of_the_last_tick()
    {
        using var scope = SimulatedKernel.Enter();
        scope.Kernel.Clock.WallSeconds = 2_000_000_000;
        scope.Kernel.Clock.WallNanoseconds = 999_999_999;
        scope.Kernel.Clock.UptimeSeconds = 12;
        scope.Kernel.Clock.UptimeNanoseconds = 345_678_901;

        KernelClock.NanoTime(out long seconds, out long nanoseconds);
        KernelClock.GetNanoTime(out long cachedSeconds, out long cachedNanoseconds);
        KernelClock.GetMicroUptime(out long upSeconds, out long upMicroseconds);

        Assert.Equal((2_000_000_000L, 999_999_999L), (seconds, nanoseconds));
        Assert.Equal((2_000_000_000L, 999_000_000L), (cachedSeconds, cachedNanoseconds));
        Assert.Equal((12L, 345_000L), (upSeconds, upMicroseconds));
        Assert.Equal(12_345, KernelClock.Ticks);
        Assert.Equal(2_000_000_000L, KernelClock.TimeSecond);
    }

    [Fact]
    public void Ticks_wrap_as_the_kernel_counter_does()
    {
        using var scope = SimulatedKernel.Enter();
        scope.Kernel.Clock.UptimeSeconds = (long)int.MaxValue / 1000 + 1;

        Assert.True(KernelClock.Ticks < 0);
    }

    [Fact]
    public void Each_kernel_starts_the_same_random_stream_and_a_seed_restarts_it()
    {
        uint first, second;
        using (SimulatedKernel.Enter())
        {
            first = KernelClock.Random();
            second = KernelClock.Random();
        }

        using var scope = SimulatedKernel.Enter();
        Assert.Equal(first, KernelClock.Random());
        Assert.NotEqual(first, second);
        scope.Kernel.Clock.Seed(SimulatedClock.DefaultSeed);
        Assert.Equal(first, KernelClock.Random());
    }

    [Fact]
    public void Random_bytes_take_eight_per_step_least_significant_first()
    {
        using var scope = SimulatedKernel.Enter();
        Span<byte> bytes = stackalloc byte[11];
        KernelClock.RandomBytes(bytes);

        scope.Kernel.Clock.Seed(SimulatedClock.DefaultSeed);
        uint high = KernelClock.Random();

        Assert.Equal((byte)(high >> 24), bytes[7]);
        Assert.Equal((byte)(high >> 0), bytes[4]);
        Assert.True(bytes[8..].IndexOfAnyExcept((byte)0) >= 0 || bytes[..8].IndexOfAnyExcept((byte)0) >= 0);
    }
}
