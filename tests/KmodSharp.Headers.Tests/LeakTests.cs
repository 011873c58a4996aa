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
        const int Warmup = 50;
        const int Iterations = 1000;
        for (int i = 0; i < Warmup; i++)
        {
            ReadOnce();
        }

        long before = ResidentBytesAfterGc();
        Stopwatch watch = Stopwatch.StartNew();
        for (int i = 0; i < Iterations; i++)
        {
            ReadOnce();
        }

        watch.Stop();
        long after = ResidentBytesAfterGc();
        double growthMiB = (after - before) / 1024.0 / 1024.0;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"RSS before {before / 1048576.0:F1} MiB, after {Iterations} reads {after / 1048576.0:F1} MiB (growth {growthMiB:F1} MiB); {watch.Elapsed.TotalMilliseconds / Iterations:F2} ms per read"));

        // A leaked translation unit costs hundreds of KiB, so 1,000 of them would grow RSS by
        // far more than this allowance for allocator and JIT noise.
        Assert.True(growthMiB < 40, $"RSS grew by {growthMiB:F1} MiB over {Iterations} reads");
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
