using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.EndToEnd;

/// <summary>
/// [ModuleShutdown] at MOD_SHUTDOWN (kmodsim's --shutdown, as kern_module.c's module_shutdown):
/// the hook runs with the syscall still registered, its errno is ignored, and load and unload succeed
/// whether or not the module has hooks for them.
/// </summary>
public sealed class ShutdownHookTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_shutdown_hook_runs_and_its_result_does_not_stop_the_unload(bool withUnloadHook)
    {
        string source = """
            using KmodSharp;

            [KernelModule("downhook")]
            public static class DownHook
            {
                private static int calls;

                [Syscall(Name = "downhook_call")]
                public static int Call() => ++calls;

                [ModuleShutdown]
                private static Errno OnShutdown()
                {
                    Kernel.Printf("downhook: shutdown after %d calls\n", calls);
                    return Errno.EBUSY;
                }

                [ModuleUnload]
                private static Errno OnUnload()
                {
                    Kernel.Printf("downhook: unload\n");
                    return Errno.None;
                }
            }
            """;

        // Without the attribute, OnUnload is an ordinary method nothing calls.
        ModuleArtifacts module = TestCompiler.Module(withUnloadHook ? source : source.Replace("[ModuleUnload]", "", StringComparison.Ordinal), "DownHook.cs");
        var builder = new HarnessBuilder(HostToolchain.Default());
        string work = Path.Combine(Path.GetTempPath(), "kmodsharp-shutdown-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(work);
        try
        {
            string moduleObject = builder.Module(work, module.ModuleName, module.CSource());
            ProcessOutcome outcome = ProcessRunner.Run(builder.Driver(),
                ["--load", moduleObject, "--call", "downhook_call", "--call", "downhook_call", "--shutdown", "--call", "downhook_call", "--unload", moduleObject]);

            Assert.True(outcome.ExitCode == 0, outcome.Stderr);
            using JsonDocument report = JsonDocument.Parse(outcome.Stdout);
            JsonElement[] events = [.. report.RootElement.GetProperty("events").EnumerateArray()];
            Assert.All(events, e => Assert.Equal(0, e.GetProperty("error").GetInt32()));
            Assert.Equal([1L, 2L, 3L], events.Where(e => e.GetProperty("op").GetString() == "call").Select(e => e.GetProperty("retval").GetInt64()));
            string[] log = [.. report.RootElement.GetProperty("log").EnumerateArray().Select(l => l.GetString()!)];
            string[] expected = withUnloadHook ? ["downhook: shutdown after 2 calls", "downhook: unload"] : ["downhook: shutdown after 2 calls"];
            Assert.Equal(expected, log.Where(l => l.StartsWith("downhook:", StringComparison.Ordinal)));
            Assert.Contains("case MOD_SHUTDOWN:\n\t\treturn (downhook_on_shutdown());", module.CSource());
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
