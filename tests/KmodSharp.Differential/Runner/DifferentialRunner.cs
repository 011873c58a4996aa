using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using KmodSharp.Compiler;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Compiler.Pipeline.Model;
using KmodSharp.Compiler.Tools.Simulation;
using KmodSharp.Simulation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace KmodSharp.Differential.Runner;

/// <summary>How a differential run generates and batches inputs.</summary>
public sealed record DifferentialOptions
{
    /// <summary>The seed of every random choice; printed with every failure so it can be replayed. <c>KMODSHARP_DIFF_SEED</c> overrides the default.</summary>
    public int Seed { get; init; } = Environment.GetEnvironmentVariable("KMODSHARP_DIFF_SEED") is { Length: > 0 } s ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : 20261125;

    /// <summary>At least this many inputs per syscall (more when the edge values need more).</summary>
    public int InputsPerSyscall { get; init; } = 1000;

    /// <summary>At most this many inputs per syscall (a deterministic sample when the edge values alone are more); no limit when null.</summary>
    public int? MaxInputsPerSyscall { get; init; }

    /// <summary>Calls per harness run (at most <see cref="HarnessExecutor.MaxCallsPerRun"/>).</summary>
    public int BatchSize { get; init; } = HarnessExecutor.MaxCallsPerRun;

    /// <summary>Runs each call twice in the harness (forked, different stack poison) to catch uninitialised copyout; one fork per call.</summary>
    public bool UninitializedCopyoutCheck { get; init; }

    /// <summary>The calling thread's credential in both worlds.</summary>
    public Credential Credential { get; init; } = Credential.Root;

    /// <summary>The calling process's parent pid (<c>p_oppid</c>) in both worlds.</summary>
    public int ParentProcessId { get; init; } = 1;

    /// <summary>The calling process's name (<c>p_comm</c>) in both worlds.</summary>
    public string ProcessName { get; init; } = "kmodsim";

    /// <summary>Only these syscalls (by C name); all when null.</summary>
    public ImmutableHashSet<string>? Only { get; init; }

    /// <summary>
    /// Fault injection: when set to C, batch b fails its (1 + b % C)th <c>M_NOWAIT</c> allocation in
    /// both worlds (kmodsim's <c>--fail-malloc</c>), so every allocation site of a call meets ENOMEM.
    /// </summary>
    public int? FailNoWaitAllocationCycle { get; init; }

    /// <summary>Stop collecting after this many mismatches.</summary>
    public int MaxMismatches { get; init; } = 20;
}

/// <summary>A call whose .NET and C outcomes differ.</summary>
public sealed record Mismatch(string Module, string Syscall, string Method, DiffInput Input, string What, SyscallOutcome Managed, string Native)
{
    public override string ToString() =>
        $"{Module}.{Method} ({Syscall}) {Input}: {What}\n    .NET: {Managed}\n    C:    {Native}";
}

/// <summary>The result of running one module differentially.</summary>
public sealed record DifferentialReport(string Module, int Seed, ImmutableDictionary<string, int> InputsPerSyscall, ImmutableArray<Mismatch> Mismatches,
    ImmutableArray<string> HarnessProblems, int HarnessRuns, TimeSpan Elapsed)
{
    public bool Passed => Mismatches.IsEmpty && HarnessProblems.IsEmpty;

    /// <summary>How many calls ended with each errno (0: success), so a test can see its error paths were taken.</summary>
    public ImmutableDictionary<int, int> Errors { get; init; } = ImmutableDictionary<int, int>.Empty;

    /// <summary>How many successful calls returned each value (managed side), for tests that look for a path's marker value.</summary>
    public ImmutableDictionary<long, int> Retvals { get; init; } = ImmutableDictionary<long, int>.Empty;

    /// <summary>Where the time went.</summary>
    public string Timing { get; init; } = "";

    public int TotalInputs => InputsPerSyscall.Values.Sum();

    /// <summary>Throws <see cref="DifferentialException"/> describing every mismatch (with the seed to replay it) unless the run passed.</summary>
    public void ThrowIfFailed()
    {
        if (!Passed)
        {
            throw new DifferentialException(ToString());
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"module {Module}: {TotalInputs} inputs over {InputsPerSyscall.Count} syscalls, {HarnessRuns} harness runs, {Elapsed.TotalSeconds:F1} s ({Timing}), seed {Seed} (replay: KMODSHARP_DIFF_SEED={Seed})");
        foreach (string problem in HarnessProblems)
        {
            text.Append("\n  harness: ").Append(problem);
        }

        foreach (Mismatch mismatch in Mismatches)
        {
            text.Append("\n  MISMATCH ").Append(mismatch);
        }

        return text.ToString();
    }
}

/// <summary>A differential run found a mismatch or the harness reported a problem.</summary>
public sealed class DifferentialException(string message) : Exception(message);

/// <summary>
/// Runs every <c>[Syscall]</c> of a module in .NET (the managed simulation) and as C (the host
/// kernel harness) on the same generated inputs and compares what user space would see: errno,
/// the return value (truncated to the C# return type), the final contents of user buffers, and
/// the kernel log.
/// </summary>
public static class DifferentialRunner
{
    /// <summary>Runs the module in <paramref name="source"/> (one C# file, one <c>[KernelModule]</c> class).</summary>
    public static DifferentialReport Run(string source, DifferentialOptions? options = null, string fileName = "Module.cs") =>
        Run(new SourceInput([new SourceFile(Path.Combine(Path.GetTempPath(), fileName), source)], Path.GetTempPath()), options);

    public static DifferentialReport Run(SourceInput input, DifferentialOptions? options = null)
    {
        options ??= new DifferentialOptions();
        var clock = Stopwatch.StartNew();
        CompileResult compiled = KmodCompiler.Compile(input, new LoweringOptions());
        if (compiled.HasErrors)
        {
            throw new DifferentialException("the module does not translate:\n" + string.Join("\n", compiled.Diagnostics));
        }

        ModuleArtifacts module = compiled.Modules.Single();
        byte[] image = EmitAssembly(input);
        Type moduleType = LoadModuleType(image, module.Model, out AssemblyLoadContext probe);
        var syscalls = module.Model.Syscalls.Where(s => options.Only is null || options.Only.Contains(s.Name)).ToList();
        var methods = syscalls.ToDictionary(s => s.Name, s => FindMethod(moduleType, s));

        // Inputs, in a fixed order: syscall by syscall, each from its own seeded generator.
        var calls = new List<(SyscallModel Syscall, DiffInput Input)>();
        var counts = ImmutableDictionary.CreateBuilder<string, int>();
        foreach (SyscallModel syscall in syscalls)
        {
            ImmutableArray<DiffInput> inputs = Inputs(module.Model, syscall, methods[syscall.Name], options);
            counts[syscall.Name] = inputs.Length;
            calls.AddRange(inputs.Select(i => (syscall, i)));
        }

        probe.Unload();
        List<List<(SyscallModel Syscall, DiffInput Input)>> batches = Batch(calls, options.BatchSize);

        var managedTicks = new ConcurrentBag<long>();
        var harnessTicks = new ConcurrentBag<long>();
        var mismatches = new ConcurrentBag<(int Order, Mismatch Mismatch)>();
        var problems = new ConcurrentBag<string>();
        var errors = new ConcurrentBag<int>();
        var retvals = new ConcurrentBag<long>();
        string cSource = module[module.ModuleName + ".c"].Text;
        using var harness = new HarnessExecutor(module.ModuleName, cSource)
        {
            UninitializedCopyoutCheck = options.UninitializedCopyoutCheck,
            Credential = HarnessCredential(options),
        };
        TimeSpan compileTime = clock.Elapsed;

        System.Threading.Tasks.Parallel.For(0, batches.Count, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, b =>
        {
            List<(SyscallModel Syscall, DiffInput Input)> batch = batches[b];
            // A fresh assembly per batch: module state starts over exactly as it does in each harness run.
            var batchClock = Stopwatch.StartNew();
            Type type = LoadModuleType(image, module.Model, out AssemblyLoadContext context);
            try
            {
                var expectedLog = new List<string>(ManagedExecutor.RunHook(FindHook(type, typeof(ModuleLoadAttribute))));
                var managed = new List<SyscallOutcome>();
                var logStart = new List<int>();
                int? failAt = options.FailNoWaitAllocationCycle is int cycle ? 1 + (b % cycle) : null;
                int noWaitSoFar = 0;
                foreach ((SyscallModel syscall, DiffInput input) in batch)
                {
                    // kmodsim counts M_NOWAIT allocations over the whole batch; each .NET call gets the rest of the count.
                    int? failHere = failAt is int n && n > noWaitSoFar ? n - noWaitSoFar : null;
                    SyscallOutcome outcome = ManagedExecutor.Run(FindMethod(type, syscall), input, options.Credential, failHere, (options.ParentProcessId, options.ProcessName));
                    noWaitSoFar += outcome.NoWaitAllocations;
                    errors.Add(outcome.Error);
                    if (outcome.Error == 0)
                    {
                        retvals.Add(outcome.Retval);
                    }
                    logStart.Add(expectedLog.Count);
                    managed.Add(outcome);
                    expectedLog.AddRange(outcome.Log);
                }

                expectedLog.AddRange(ManagedExecutor.RunHook(FindHook(type, typeof(ModuleUnloadAttribute))));
                managedTicks.Add(batchClock.Elapsed.Ticks);
                batchClock.Restart();
                HarnessBatchResult native = harness.Run([.. batch.Select(c => (KmodSharp.Compiler.Pipeline.CTarget.CNames.SyscallModule(c.Syscall), c.Input))], failAt);
                harnessTicks.Add(batchClock.Elapsed.Ticks);
                Compare(module.ModuleName, b, batch, managed, logStart, expectedLog, native, mismatches, problems);
            }
            finally
            {
                context.Unload();
            }
        });

        return new DifferentialReport(module.ModuleName, options.Seed, counts.ToImmutable(),
            [.. mismatches.OrderBy(m => m.Order).Select(m => m.Mismatch).DistinctBy(m => (m.Syscall, m.Input.ToString(), m.What)).Take(options.MaxMismatches)],
            [.. problems.Distinct().Order(StringComparer.Ordinal).Take(options.MaxMismatches)], batches.Count, clock.Elapsed)
        {
            Errors = errors.GroupBy(e => e).ToImmutableDictionary(g => g.Key, g => g.Count()),
            Retvals = retvals.GroupBy(r => r).ToImmutableDictionary(g => g.Key, g => g.Count()),
            Timing = $"compile {compileTime.TotalSeconds:F1} s (C harness module included), .NET {TimeSpan.FromTicks(managedTicks.Sum()).TotalSeconds:F1} s, harness {TimeSpan.FromTicks(harnessTicks.Sum()).TotalSeconds:F1} s (summed over batches)",
        };
    }

    /// <summary>A syscall's inputs: its own seeded generator (the seed and the names), sampled down to <see cref="DifferentialOptions.MaxInputsPerSyscall"/>.</summary>
    internal static ImmutableArray<DiffInput> Inputs(ModuleModel module, SyscallModel syscall, MethodInfo method, DifferentialOptions options)
    {
        var random = new Random(options.Seed ^ StableHash(module.Name + "." + syscall.Name));
        ImmutableArray<DiffInput> inputs = InputGenerator.Generate(method, options.InputsPerSyscall, random);
        if (options.MaxInputsPerSyscall is int limit && inputs.Length > limit)
        {
            inputs = [.. inputs.Select((input, i) => (input, key: random.Next())).OrderBy(p => p.key).Take(limit).Select(p => p.input)];
        }

        return inputs;
    }

    private static void Compare(string module, int batchIndex, List<(SyscallModel Syscall, DiffInput Input)> batch, List<SyscallOutcome> managed,
        List<int> logStart, List<string> expectedLog, HarnessBatchResult native, ConcurrentBag<(int, Mismatch)> mismatches, ConcurrentBag<string> problems)
    {
        if (!native.Parsed)
        {
            problems.Add($"batch {batchIndex}: no report from kmodsim (exit {native.ExitCode}; crash or sanitizer abort; first call {batch[0].Syscall.Name}{batch[0].Input}):\n{Tail(native.Stderr)}");
            return;
        }

        if (native.LoadErrors.Any(e => e != 0))
        {
            problems.Add($"the module did not load/unload cleanly (errors {string.Join(",", native.LoadErrors)}): {Tail(native.Stderr)}");
            return;
        }

        foreach (string violation in native.Violations)
        {
            problems.Add($"kernel violation: {violation}");
        }

        if (native.Leaks != 0)
        {
            problems.Add($"batch {batchIndex}: {native.Leaks} malloc(9) allocations leaked");
        }

        if (native.Calls.Length != batch.Count)
        {
            problems.Add($"batch {batchIndex}: kmodsim reported {native.Calls.Length} calls of {batch.Count} (exit {native.ExitCode}): {Tail(native.Stderr)}");
        }

        int order = batchIndex * 100_000;
        for (int i = 0; i < Math.Min(batch.Count, native.Calls.Length); i++)
        {
            (SyscallModel syscall, DiffInput input) = batch[i];
            SyscallOutcome net = managed[i];
            HarnessCall c = native.Calls[i];
            string? what = Difference(syscall, net, c);
            if (what is not null)
            {
                mismatches.Add((order + i, new Mismatch(module, syscall.Name, syscall.MethodName, input, what, net, Describe(c))));
            }
        }

        // The harness log is one list for the whole run: compare it with the managed lines in call order.
        int first = FirstDifference(expectedLog, native.Log, native.LogOverflowed);
        if (first >= 0)
        {
            int call = logStart.FindLastIndex(start => start <= first);
            string expected = first < expectedLog.Count ? $"\"{expectedLog[first]}\"" : "<no more lines>";
            string actual = first < native.Log.Length ? $"\"{native.Log[first]}\"" : "<no more lines>";
            if (call < 0 || call >= batch.Count)
            {
                problems.Add($"batch {batchIndex}: kernel log line {first} differs outside any call: .NET {expected}, C {actual}");
            }
            else
            {
                mismatches.Add((order + call, new Mismatch(module, batch[call].Syscall.Name, batch[call].Syscall.MethodName, batch[call].Input,
                    $"kernel log line {first} differs: .NET {expected}, C {actual}", managed[call], Describe(native.Calls.ElementAtOrDefault(call)))));
            }
        }
    }

    internal static string? Difference(SyscallModel syscall, SyscallOutcome net, HarnessCall c)
    {
        if (net.Exception is not null)
        {
            return "the .NET handler threw an exception that has no errno translation";
        }

        if (net.Error != c.Error)
        {
            return "errno differs";
        }

        if (net.Error == 0)
        {
            // A pair's first value is td_retval[0], a whole long.
            KType type = syscall.Return.Kind switch
            {
                SyscallReturnKind.Value or SyscallReturnKind.ValueOrErrno => syscall.Return.ValueType,
                SyscallReturnKind.Pair => KInteger.Int64,
                _ => KVoid.Instance,
            };
            if (Truncate(net.Retval, type) != Truncate(c.Retval, type))
            {
                return "retval differs";
            }

            if (syscall.Return.Kind == SyscallReturnKind.Pair && net.Retval1 != c.Retval1)
            {
                return "retval1 differs";
            }
        }

        var cBuffers = c.Buffers.ToDictionary(b => b.Argument, b => b.Hex);
        foreach ((int argument, string hex) in net.Buffers)
        {
            if (!cBuffers.TryGetValue(argument, out string? other) || other != hex)
            {
                return $"user buffer of argument {argument} differs";
            }
        }

        return null;
    }

    /// <summary>The register as the C# return type sees it (truncated, then sign- or zero-extended).</summary>
    public static long Truncate(long register, KType type) => type switch
    {
        KInteger { Bits: 64 } => register,
        KInteger { Bits: var bits, IsSigned: true } => register << (64 - bits) >> (64 - bits),
        KInteger { Bits: var bits } => (long)((ulong)register << (64 - bits) >> (64 - bits)),
        KEnum e => Truncate(register, e.Underlying),
        KVoid => 0,
        _ => register,
    };

    private static string Describe(HarnessCall? c) => c is null
        ? "<no result>"
        : new SyscallOutcome(c.Error, c.Retval, c.Retval1, c.Buffers, []).ToString();

    /// <summary>
    /// The first log line that differs, or -1. When the harness's message buffer overflowed (as the
    /// kernel's fixed-size msgbuf does), its log is only the start of .NET's: the lines it kept must
    /// match, the last one as far as it got.
    /// </summary>
    internal static int FirstDifference(List<string> expected, ImmutableArray<string> actual, bool overflowed)
    {
        int n = Math.Min(expected.Count, actual.Length);
        for (int i = 0; i < n; i++)
        {
            bool cut = overflowed && i == actual.Length - 1;
            if (cut ? !expected[i].StartsWith(actual[i], StringComparison.Ordinal) : expected[i] != actual[i])
            {
                return i;
            }
        }

        bool allKept = overflowed ? expected.Count >= actual.Length : expected.Count == actual.Length;
        return allKept ? -1 : n;
    }

    private static string Tail(string text) => text.Length <= 3000 ? text : "…" + text[^3000..];

    private static List<List<(SyscallModel, DiffInput)>> Batch(List<(SyscallModel Syscall, DiffInput Input)> calls, int batchSize)
    {
        var batches = new List<List<(SyscallModel, DiffInput)>>();
        var current = new List<(SyscallModel, DiffInput)>();
        int mappings = 0, bytes = 0;
        foreach ((SyscallModel syscall, DiffInput input) in calls)
        {
            if (current.Count > 0 && (current.Count >= Math.Min(batchSize, HarnessExecutor.MaxCallsPerRun)
                || mappings + input.Mappings > HarnessExecutor.MaxMappingsPerRun || bytes + input.TokenLength > HarnessExecutor.MaxTokenBytesPerRun))
            {
                batches.Add(current);
                current = [];
                mappings = bytes = 0;
            }

            current.Add((syscall, input));
            mappings += input.Mappings;
            bytes += input.TokenLength;
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }

    /// <summary>Compiles the module to IL with the same references the frontend uses.</summary>
    public static byte[] EmitAssembly(SourceInput input)
    {
        var compilation = CompilationFactory.Create(input, assemblyName: "KmodSharpDifferential" + Guid.NewGuid().ToString("N")[..8]);
        using var stream = new MemoryStream();
        EmitResult result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new DifferentialException("Roslyn could not compile the module:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return stream.ToArray();
    }

    internal static Type LoadModuleType(byte[] image, ModuleModel model, out AssemblyLoadContext context)
    {
        // Collectible; everything it does not define (KmodSharp.Runtime, the framework) resolves in the default context.
        context = new AssemblyLoadContext("kmodsharp-differential-" + model.Name, isCollectible: true);
        Assembly assembly = context.LoadFromStream(new MemoryStream(image));
        string className = model.ClassName;
        return assembly.GetTypes().Single(t => t.FullName == className || t.Name == className || t.Name == className.Split('.')[^1]);
    }

    // Every id spelled out, so the harness's defaults cannot drift from the managed ones unseen.
    private static SimEnvironment HarnessCredential(DifferentialOptions options)
    {
        Credential c = options.Credential;
        return new SimEnvironment(c.Uid, c.Jailed, c.CapabilityMode)
        {
            Identity = new SimIdentity(c.RealUid, c.SavedUid, c.Gid, c.RealGid, c.SavedGid, [.. c.Groups], options.ParentProcessId, options.ProcessName),
        };
    }

    internal static MethodInfo FindMethod(Type type, SyscallModel syscall) =>
        type.GetMethod(syscall.MethodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        ?? throw new DifferentialException($"no method {syscall.MethodName} on {type}");

    internal static MethodInfo? FindHook(Type type, Type attribute) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).FirstOrDefault(m => m.GetCustomAttributes(attribute, false).Length > 0);

    private static int StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)hash;
    }
}
