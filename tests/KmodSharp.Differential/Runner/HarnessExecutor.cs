using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using KmodSharp.Compiler.Tools.Simulation;

namespace KmodSharp.Differential.Runner;

/// <summary>One call as the harness reported it.</summary>
public sealed record HarnessCall(int Error, long Retval, long Retval1, ImmutableArray<(int Argument, string Hex)> Buffers);

/// <summary>
/// One <c>kmodsim</c> run: load, calls, unload. When <c>LogOverflowed</c>, the harness's message
/// buffer filled up and <c>Log</c> is only the start of the log, its last line possibly cut.
/// </summary>
public sealed record HarnessBatchResult(ImmutableArray<HarnessCall> Calls, ImmutableArray<string> Log, bool LogOverflowed, int Leaks, ImmutableArray<string> Violations,
    ImmutableArray<int> LoadErrors, int ExitCode, string Stderr, bool Parsed);

/// <summary>
/// Compiles a generated module once and runs batches of calls through the <c>kmodsim</c> driver
/// (one process per batch: load, the calls, unload). The driver keeps at most 256 operations and
/// 256 user mappings per run, so batches stay below both.
/// </summary>
public sealed class HarnessExecutor : IDisposable
{
    /// <summary>kmodsim's MAXOPS is 256, including the load and the unload.</summary>
    public const int MaxCallsPerRun = 250;

    /// <summary>subr_usermem.c's KMS_MAXREGIONS is 256 mappings per run.</summary>
    public const int MaxMappingsPerRun = 250;

    /// <summary>Keep the command line well below ARG_MAX.</summary>
    public const int MaxTokenBytesPerRun = 512 * 1024;

    private readonly string work;
    private readonly string driver;
    private readonly string moduleObject;

    public HarnessExecutor(string moduleName, string cSource, HarnessBuilder? builder = null)
    {
        builder ??= new HarnessBuilder(HostToolchain.Default());
        work = Path.Combine(Path.GetTempPath(), "kmodsharp-diff-" + Guid.NewGuid().ToString("N")[..12]);
        driver = builder.Driver();
        moduleObject = builder.Module(work, moduleName, cSource);
    }

    /// <summary>Whether each dynamic call also runs in a forked child with a different stack poison (slow: one fork per call).</summary>
    public bool UninitializedCopyoutCheck { get; init; }

    public SimEnvironment Credential { get; init; } = new();

    /// <summary>Runs a batch in one kmodsim process; <paramref name="failNoWaitAt"/> fails its Nth <c>M_NOWAIT</c> allocation.</summary>
    public HarnessBatchResult Run(IReadOnlyList<(string Syscall, DiffInput Input)> calls, int? failNoWaitAt = null)
    {
        var arguments = new List<string>();
        if (failNoWaitAt is int nth)
        {
            arguments.AddRange(["--fail-malloc", nth.ToString(CultureInfo.InvariantCulture)]);
        }

        if (Credential.Uid != 0)
        {
            arguments.AddRange(["--uid", Credential.Uid.ToString(CultureInfo.InvariantCulture)]);
        }

        if (Credential.Jailed)
        {
            arguments.Add("--jail");
        }

        if (Credential.CapabilityMode)
        {
            arguments.Add("--capmode");
        }

        arguments.AddRange(Credential.Identity.KmodsimArguments());
        if (!UninitializedCopyoutCheck)
        {
            arguments.Add("--no-uninit-check");
        }

        arguments.AddRange(["--load", moduleObject]);
        foreach ((string syscall, DiffInput input) in calls)
        {
            arguments.AddRange(["--call", syscall, .. input.Arguments.Select(a => a.Token)]);
        }

        arguments.AddRange(["--unload", moduleObject]);
        ProcessOutcome outcome = ProcessRunner.Run(driver, arguments, new Dictionary<string, string>
        {
            ["ASAN_OPTIONS"] = "detect_leaks=1:abort_on_error=0",
            ["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1",
        });
        return Parse(outcome);
    }

    private static HarnessBatchResult Parse(ProcessOutcome outcome)
    {
        if (string.IsNullOrWhiteSpace(outcome.Stdout))
        {
            return new HarnessBatchResult([], [], false, 0, [], [], outcome.ExitCode, outcome.Stderr, Parsed: false);
        }

        using JsonDocument document = JsonDocument.Parse(outcome.Stdout);
        JsonElement root = document.RootElement;
        var calls = ImmutableArray.CreateBuilder<HarnessCall>();
        var loads = ImmutableArray.CreateBuilder<int>();
        foreach (JsonElement e in root.GetProperty("events").EnumerateArray())
        {
            if (e.GetProperty("op").GetString() == "call")
            {
                calls.Add(new HarnessCall(
                    e.GetProperty("error").GetInt32(),
                    e.GetProperty("retval").GetInt64(),
                    e.GetProperty("retval1").GetInt64(),
                    [.. e.GetProperty("buffers").EnumerateArray().Select(b => (b.GetProperty("arg").GetInt32(), b.GetProperty("hex").GetString()!))]));
            }
            else
            {
                loads.Add(e.GetProperty("error").GetInt32());
            }
        }

        return new HarnessBatchResult(
            calls.ToImmutable(),
            [.. root.GetProperty("log").EnumerateArray().Select(l => l.GetString()!)],
            root.GetProperty("log_overflowed").GetBoolean(),
            root.GetProperty("leaks").GetInt32(),
            [.. root.GetProperty("violations").EnumerateArray().Select(v => v.GetString()!)],
            loads.ToImmutable(),
            outcome.ExitCode,
            outcome.Stderr,
            Parsed: true);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
