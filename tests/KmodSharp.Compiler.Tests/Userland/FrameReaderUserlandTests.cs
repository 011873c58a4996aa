using System.Collections.Generic;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Userland;

/// <summary>
/// examples/FrameReader through its generated library: a driver (Drivers/framereader.c) lays frames out
/// as a program would, a header then its payload, and checks checksums, each errno, a payload that runs
/// into an inaccessible page, and a summary whose padding reaches the program as zeros. The generated
/// smoke test passes zeroed frames, which the syscalls refuse (no magic): each call fails with EINVAL.
/// </summary>
public sealed class FrameReaderUserlandTests
{
    [Fact]
    public void The_driver_reads_frames_through_the_library()
    {
        BuiltModule module = UserlandHarness.Instance.Build(TestCompiler.Example("FrameReader"));

        ProcessOutcome run = ProcessRunner.Run(module.Driver(), [module.SharedObject]);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("driver: all checks passed", run.Stdout);
    }

    [Fact]
    public void The_smoke_test_reports_each_zeroed_frame_as_an_invalid_argument()
    {
        BuiltModule module = UserlandHarness.Instance.Build(TestCompiler.Example("FrameReader"));

        ProcessOutcome loaded = ProcessRunner.Run(module.TestProgram(), [], new Dictionary<string, string> { ["KMS_USER_KLD"] = module.SharedObject });

        Assert.Equal(1, loaded.ExitCode);
        Assert.Contains("frame_checksum(&frame_checksum_frame): Invalid argument", loaded.Stderr);
        Assert.Contains("frame_summarize(&frame_summarize_frame, &frame_summarize_summary): Invalid argument", loaded.Stderr);
    }
}
