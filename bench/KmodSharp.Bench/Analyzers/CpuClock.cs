using System.Diagnostics;
using System.Runtime.InteropServices;

namespace KmodSharp.Bench.Analyzers;

/// <summary>
/// The CPU time of the calling thread: unlike wall time it does not grow when other processes take the
/// cores, so analyzer figures stay comparable on a shared machine. Falls back to wall time off Linux.
/// </summary>
internal static partial class CpuClock
{
    private const int ThreadCpuTimeId = 3; // CLOCK_THREAD_CPUTIME_ID

    public static bool IsThreadCpu { get; } = OperatingSystem.IsLinux();

    /// <summary>
    /// What an empty interval measures, in nanoseconds: the part of the two clock reads that falls inside it
    /// (a system call's worth on Linux). The median of many, so that preemption does not skew it.
    /// </summary>
    public static long Overhead { get; } = Calibrate();

    /// <summary>A timestamp in nanoseconds.</summary>
    public static long Now()
    {
        if (IsThreadCpu && ClockGetTime(ThreadCpuTimeId, out TimeSpec time) == 0)
        {
            return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
        }

        return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
    }

    private static long Calibrate()
    {
        var samples = new long[2001];
        for (int i = 0; i < samples.Length; i++)
        {
            long start = Now();
            samples[i] = Now() - start;
        }

        Array.Sort(samples);
        return samples[samples.Length / 2];
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
