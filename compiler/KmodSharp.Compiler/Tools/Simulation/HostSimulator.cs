using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.Emit;

namespace KmodSharp.Compiler.Tools.Simulation;

/// <summary>
/// Runs generated modules in the host kernel harness: compiles them, loads them (in order, all
/// at once, as kldload would), makes the calls, unloads them in reverse order, and reads the
/// driver's report.
/// </summary>
public static class HostSimulator
{
    public static SimulationReport Run(ImmutableArray<ModuleArtifacts> modules, ImmutableArray<SimCall> calls,
        SimEnvironment? credential = null, HarnessBuilder? builder = null) =>
        Run(modules, [.. modules.Select(m => (SimStep)new SimLoadStep(m.ModuleName)), .. calls, .. modules.Reverse().Select(m => new SimUnloadStep(m.ModuleName))],
            credential, builder);

    /// <summary>Runs explicit steps: loads, calls and unloads in the given order.</summary>
    public static SimulationReport Run(ImmutableArray<ModuleArtifacts> modules, ImmutableArray<SimStep> steps,
        SimEnvironment? credential = null, HarnessBuilder? builder = null)
    {
        builder ??= new HarnessBuilder(HostToolchain.Default());
        string driver = builder.Driver();
        string work = Path.Combine(Path.GetTempPath(), "kmodsharp-sim-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            Dictionary<string, string> objects = modules.ToDictionary(m => m.ModuleName, m => builder.Module(work, m.ModuleName, m[m.ModuleName + ".c"].Text));
            var arguments = new List<string>();
            credential ??= new SimEnvironment();
            if (credential.Uid != 0)
            {
                arguments.AddRange(["--uid", credential.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            }

            if (credential.Jailed)
            {
                arguments.Add("--jail");
            }

            if (credential.CapabilityMode)
            {
                arguments.Add("--capmode");
            }

            arguments.AddRange(credential.Identity.KmodsimArguments());
            if (credential.UnmapAfterAccesses > 0)
            {
                arguments.AddRange(["--unmap-after", credential.UnmapAfterAccesses.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            }

            if (credential.FailNoWaitAllocation > 0)
            {
                arguments.AddRange(["--fail-malloc", credential.FailNoWaitAllocation.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            }

            foreach (SimStep step in steps)
            {
                arguments.AddRange(step switch
                {
                    SimLoadStep load => ["--load", objects[load.Module]],
                    SimUnloadStep unload => ["--unload", objects[unload.Module]],
                    SimCall call => ["--call", CNames.SyscallModule(call.Name), .. call.Arguments],
                    SimSysctlWrite write => ["--sysctl", $"{write.Name}={write.Value}"],
                    _ => throw new ArgumentException($"unknown step {step}", nameof(steps)),
                });
            }

            ProcessOutcome outcome = ProcessRunner.Run(driver, arguments, new Dictionary<string, string>
            {
                ["ASAN_OPTIONS"] = "detect_leaks=1:abort_on_error=0",
                ["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1",
            });
            return Parse(outcome);
        }
        finally
        {
            // Absent when making it failed; that failure is the one to report.
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static SimulationReport Parse(ProcessOutcome outcome)
    {
        if (string.IsNullOrWhiteSpace(outcome.Stdout))
        {
            return new SimulationReport([], [], [], 0, ["the harness produced no report (crash or sanitizer abort)"], [], outcome.ExitCode, outcome.Stderr);
        }

        using JsonDocument document = JsonDocument.Parse(outcome.Stdout);
        JsonElement root = document.RootElement;
        var loads = ImmutableArray.CreateBuilder<SimLoad>();
        var calls = ImmutableArray.CreateBuilder<SimCallResult>();
        var writes = ImmutableArray.CreateBuilder<SimSysctlWriteResult>();
        foreach (JsonElement e in root.GetProperty("events").EnumerateArray())
        {
            string op = e.GetProperty("op").GetString()!;
            if (op == "call")
            {
                calls.Add(new SimCallResult(
                    e.GetProperty("name").GetString()!,
                    [.. e.GetProperty("args").EnumerateArray().Select(a => a.GetString()!)],
                    e.GetProperty("slot").GetInt32(),
                    e.GetProperty("retval").GetInt64(),
                    e.GetProperty("retval1").GetInt64(),
                    e.GetProperty("error").GetInt32(),
                    e.TryGetProperty("buffers", out JsonElement buffers)
                        ? [.. buffers.EnumerateArray().Select(b => new SimBuffer(b.GetProperty("arg").GetInt32(), b.GetProperty("hex").GetString()!))]
                        : []));
            }
            else if (op == "sysctl")
            {
                writes.Add(new SimSysctlWriteResult(e.GetProperty("name").GetString()!, e.GetProperty("value").GetString()!, e.GetProperty("error").GetInt32()));
            }
            else
            {
                loads.Add(new SimLoad(op, e.GetProperty("file").GetString()!, e.GetProperty("error").GetInt32(),
                    e.TryGetProperty("modules", out JsonElement mods)
                        ? [.. mods.EnumerateArray().Select(m => new SimModuleSlot(m.GetProperty("name").GetString()!, m.GetProperty("slot").GetInt32()))]
                        : []));
            }
        }

        return new SimulationReport(
            loads.ToImmutable(),
            calls.ToImmutable(),
            [.. root.GetProperty("log").EnumerateArray().Select(l => l.GetString()!)],
            root.GetProperty("leaks").GetInt32(),
            root.TryGetProperty("violations", out JsonElement violations) ? [.. violations.EnumerateArray().Select(v => v.GetString()!)] : [],
            root.TryGetProperty("sysctls", out JsonElement sysctls)
                ? [.. sysctls.EnumerateArray().Select(s => new SimSysctl(s.GetProperty("name").GetString()!, s.GetProperty("value").GetString()!))]
                : [],
            outcome.ExitCode,
            outcome.Stderr)
        {
            SysctlWrites = writes.ToImmutable(),
            LoadedSysctls = root.TryGetProperty("loaded_sysctls", out JsonElement loaded)
                ? [.. loaded.EnumerateArray().Select(s => new SimSysctl(s.GetProperty("name").GetString()!, s.GetProperty("value").GetString()!))]
                : [],
        };
    }
}
