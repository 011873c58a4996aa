using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Xunit;
using Xunit.Abstractions;

namespace KmodSharp.Headers.Tests;

[CollectionDefinition(nameof(LeakTests), DisableParallelization = true)]
public sealed class LeakTestCollection;

/// <summary>Parses the same header many times and checks that native memory is given back.</summary>
[Collection(nameof(LeakTests))]
public class LeakTests(ITestOutputHelper output)
{
    private const string Header = """
        typedef unsigned long size_t;
        #define COUNT 16
        #define MASK (COUNT - 1)
        #define NAME "not an integer"
        struct entry { char tag; long value; union { int i; void *p; }; unsigned flags : 3; };
        enum kind { KIND_A = -1, KIND_B, KIND_C = 10 };
        int process(struct entry *entries, size_t count, const char *fmt, ...);
        """;

    [Fact]
    public void ThousandParses_KeepResidentMemoryFlat()
    {
        const int Batch = 500;
        ReadMany(Batch);
        long start = ResidentBytesAfterGc();
        Stopwatch watch = Stopwatch.StartNew();
        ReadMany(Batch);
        long middle = ResidentBytesAfterGc();
        ReadMany(Batch);
        long end = ResidentBytesAfterGc();
        watch.Stop();
        double firstMiB = (middle - start) / 1048576.0;
        double secondMiB = (end - middle) / 1048576.0;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"RSS {start / 1048576.0:F1} -> {middle / 1048576.0:F1} -> {end / 1048576.0:F1} MiB over two batches of {Batch} reads; {watch.Elapsed.TotalMilliseconds / (2 * Batch):F2} ms per read"));

        // A leaked translation unit costs hundreds of KiB, so a leak grows RSS by tens of MiB in
        // every batch alike; the allocator's and the JIT's own growth levels off after the first
        // batches (a single before/after figure confused the two on a fresh libclang).
        Assert.True(secondMiB < 16, $"RSS grew by {firstMiB:F1} MiB, then by {secondMiB:F1} MiB over {Batch} more reads");
    }

    private static void ReadMany(int count)
    {
        for (int i = 0; i < count; i++)
        {
            ReadOnce();
        }
    }

    private static void ReadOnce()
    {
        HeaderReadResult result = TestHeaders.Read(Header);
        Assert.Single(result.Records, r => r.Name == "entry");
        Assert.Equal(2, result.Macros.Length);
    }

    private static long ResidentBytesAfterGc()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // /proc/self/statm: size resident shared text lib data dt, in pages.
        string[] fields = File.ReadAllText("/proc/self/statm").Split(' ');
        return long.Parse(fields[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
    }
}
