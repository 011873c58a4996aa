namespace KmodSharp.Simulation;

/// <summary>
/// The simulated kernel's clocks and random stream, deterministic so a test sees the same values on
/// every run. The defaults are kmodsim's (runtime-shims/host/kern/kern_tc.c), so the two worlds agree:
/// the wall clock at 2026-01-01T00:00:00.123456789Z, the uptime at 3600.123456789 s, <c>hz</c> = 1000,
/// and a splitmix64 stream from a fixed seed that starts over with each kernel (kmodsim: each syscall).
/// </summary>
public sealed class SimulatedClock
{
    /// <summary>The seed kmodsim's stream starts from ("KmodShar").</summary>
    public const ulong DefaultSeed = 0x4b6d6f6453686172;

    /// <summary>Nanoseconds per tick at <c>hz</c> = 1000.</summary>
    public const long TickNanoseconds = 1_000_000;

    private ulong randomState = DefaultSeed;

    /// <summary><c>time_second</c>, the wall clock's whole seconds.</summary>
    public long WallSeconds { get; set; } = 1_767_225_600;

    /// <summary>The wall clock's nanoseconds within its second (0 to 999,999,999).</summary>
    public long WallNanoseconds { get; set; } = 123_456_789;

    /// <summary>The uptime's whole seconds.</summary>
    public long UptimeSeconds { get; set; } = 3600;

    /// <summary>The uptime's nanoseconds within its second.</summary>
    public long UptimeNanoseconds { get; set; } = 123_456_789;

    /// <summary><c>ticks</c>: the uptime in ticks, wrapped to an <c>int</c> as the kernel's counter wraps.</summary>
    public int Ticks => unchecked((int)(UptimeSeconds * 1000 + UptimeNanoseconds / TickNanoseconds));

    /// <summary>Starts the random stream over from <paramref name="seed"/>.</summary>
    public void Seed(ulong seed) => randomState = seed;

    /// <summary>The time of the last tick: <paramref name="nanoseconds"/> rounded down to a tick.</summary>
    public static long AtLastTick(long nanoseconds) => nanoseconds - nanoseconds % TickNanoseconds;

    internal ulong NextRandom()
    {
        unchecked
        {
            randomState += 0x9e3779b97f4a7c15;
            ulong z = randomState;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
            z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
            return z ^ (z >> 31);
        }
    }
}
