using System.Collections.Generic;
using System.IO;
using KmodSharp.Compiler.Tests.Kdump;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Kdump;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.RealKernel;

/// <summary>
/// Records kdump's output afresh on the rig (RealKernel/Kdump/record.sh, opt-in: <c>FREEBSD_RIG</c>) and
/// decodes it as the committed fixtures are: a new kernel or kdump that prints otherwise shows here.
/// </summary>
public sealed class RealKernelKdumpTests
{
    [RigFact]
    public void A_fresh_recording_decodes_every_call_with_the_values_the_program_passed()
    {
        string folder = Directory.CreateTempSubdirectory("kmodsharp-kdump-rig-").FullName;
        try
        {
            string script = Path.Combine(Repository.Root, "tests", "KmodSharp.Compiler.Tests", "RealKernel", "Kdump", "record.sh");
            string cli = Path.Combine(System.AppContext.BaseDirectory, "KmodSharp.Cli.dll");
            ProcessOutcome outcome = ProcessRunner.Run(script, [folder], new Dictionary<string, string> { ["FREEBSD_RIG"] = Rig.Directory!, ["KMODSHARP"] = $"dotnet {cli}" }, System.TimeSpan.FromMinutes(15));
            Assert.True(outcome.ExitCode == 0, outcome.Stdout + outcome.Stderr);

            KdumpRecording recording = KdumpRecording.Read(folder);
            SyscallSlots slots = SyscallSlots.Resolve(KdumpRecording.Syscalls, [], recording.Text("kldstat-dv.txt"));
            KdumpAssert.ShowsEveryCall(recording.Text("kdump-S.txt"), recording.Calls, slots);
            KdumpAssert.ShowsEveryCall(recording.Text("kdump-n-H-T-A-S.txt"), recording.Calls, slots);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
