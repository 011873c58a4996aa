using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using KmodSharp.Compiler;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Compiler.Pipeline.Model;
using KmodSharp.Differential.Generator.Generation;
using KmodSharp.Differential.Runner;
using KmodSharp.Differential.Support;
using KmodSharp.Simulation;

namespace KmodSharp.Differential.RealKernel;

/// <summary>One call of a generated program with what .NET made of it.</summary>
public sealed record ExpectedCall(SyscallModel Syscall, DiffInput Input, SyscallOutcome Managed);

/// <summary>
/// A program translated, with its calls run in .NET (one module state for all, as in one boot): a generated
/// one (<see cref="Id"/> its seed) or a test module (its name). <see cref="Origin"/> tells how to get it again.
/// </summary>
public sealed record PreparedProgram(string Id, string Origin, ModuleArtifacts Artifacts, ImmutableArray<ExpectedCall> Calls)
{
    public RigProgram ForRig() => new(Id, Artifacts,
        [.. Calls.Select(c => new RigCallInput(CNames.SyscallModule(c.Syscall), c.Input))]);
}

/// <summary>A call on which the real kernel and .NET disagree.</summary>
public sealed record RealKernelMismatch(string Origin, string Module, ExpectedCall Call, string What, RigCall Real)
{
    public override string ToString() =>
        $"{Origin}, {Module}.{Call.Syscall.MethodName} ({Call.Syscall.Name}) {Call.Input}: {What}\n" +
        $"    .NET:        {Call.Managed}{LogText(Call.Managed.Log)}\n    real kernel: {Describe(Call.Syscall, Real)}";

    /// <summary>The real kernel's outcome as <see cref="SyscallOutcome"/> prints one (<c>%rdx</c> only for a pair: else it is just what the register held).</summary>
    public static string Describe(SyscallModel syscall, RigCall real)
    {
        long second = syscall.Return.Kind == SyscallReturnKind.Pair ? real.Result.Retval1 : 0;
        return new SyscallOutcome(real.Result.Error, real.Result.Retval, second, real.Result.Buffers, []).ToString() + LogText(real.Log);
    }

    private static string LogText(ImmutableArray<string> log) => log.IsEmpty ? "" : "; log [" + string.Join(" | ", log) + "]";
}

/// <summary>The sample's totals and every disagreement.</summary>
public sealed record RealKernelReport(ImmutableArray<PreparedProgram> Programs, ImmutableArray<int> Rejected, RigRun Run, ImmutableArray<RealKernelMismatch> Mismatches, ImmutableArray<string> Problems, int Agreed)
{
    /// <summary>Calls that failed with EFAULT on both sides, whose buffers are not compared (<see cref="RealKernelDifferential.FaultedOnBothSides"/>).</summary>
    public int FaultedCalls { get; init; }

    /// <summary>Those of <see cref="FaultedCalls"/> whose buffers the real kernel left otherwise than .NET: the partial copies seen.</summary>
    public ImmutableArray<RealKernelMismatch> PartialCopies { get; init; } = [];

    public int Calls => Programs.Sum(p => p.Calls.Length);

    public int LoggedCalls => Programs.Sum(p => p.Calls.Count(c => !c.Managed.Log.IsEmpty));

    public bool Passed => Mismatches.IsEmpty && Problems.IsEmpty;

    public override string ToString()
    {
        var text = new StringBuilder($"{Programs.Length} programs ({string.Join(",", Programs.Select(p => p.Id))}), {Calls} calls ({LoggedCalls} that log), " +
            $"{Run.Boots} boots, {Run.Elapsed.TotalSeconds:F0} s on the rig; {Agreed} calls agree, {Mismatches.Length} disagree, {Calls - Agreed - Mismatches.Length} gave no result; " +
            (Rejected.IsEmpty ? "" : $"{Rejected.Length} seeds rejected by the analyzers ({string.Join(",", Rejected)}); ") +
            $"{FaultedCalls} calls failed with EFAULT on both sides (buffers not compared), {PartialCopies.Length} of them with a partial copy on the real kernel");
        foreach (RealKernelMismatch partial in PartialCopies)
        {
            text.Append("\n  partial copy (not a failure) ").Append(partial);
        }

        foreach (string problem in Problems)
        {
            text.Append("\n  PROBLEM ").Append(problem);
        }

        foreach (RealKernelMismatch mismatch in Mismatches)
        {
            text.Append("\n  MISMATCH ").Append(mismatch);
        }

        return text.ToString();
    }
}

/// <summary>
/// The generator's programs on the real FreeBSD 13.2 kernel against .NET: each program translated as
/// <c>kmodsharp build</c> does, its syscalls called with the differential runner's inputs in .NET and,
/// through <see cref="RigExecutor"/>, in the real kernel, and every call compared as the differential
/// runner compares .NET with the host harness: errno, the return value(s), the final user buffers and the
/// kernel log lines. What the real kernel cannot reproduce is left out here, each for its reason.
/// </summary>
public static class RealKernelDifferential
{
    /// <summary>
    /// The CI features without <see cref="GeneratorFeatures.KernelReads"/>: its clocks, arc4random and the
    /// caller's pid are the real ones on the rig, which nothing can make .NET's fixed values. (The harness's
    /// other knobs — malloc failure injection, credentials, jails, capability mode — the sample does not use.)
    /// </summary>
    public static GeneratorFeatures Features { get; } = GeneratorFeatures.Ci with { KernelReads = false };

    /// <summary>The program's name, as <c>p_comm</c> sees it; the rig's init (pid 1) is its parent.</summary>
    private static readonly (int ParentId, string Name) Process = (1, Path.GetFileNameWithoutExtension(RigExecutor.RunnerSource));

    /// <summary>
    /// FreeBSD maps its shared page (signal trampoline, timekeeping) read-only into every amd64 process at
    /// <c>SHAREDPAGE_LA48</c> = 0x7ffffffff000 (sys/amd64/include/vmparam.h): an "unmapped" address there
    /// reads fine on the real kernel. Inputs with it are left out.
    /// </summary>
    public const ulong SharedPage = 0x7fff_ffff_f000;

    public static bool RunsOnTheRealKernel(DiffInput input) =>
        !input.Arguments.OfType<AddressArgument>().Any(a => a.Address >= SharedPage && a.Address < SharedPage + 4096);

    /// <summary>
    /// A finding of this test (seed 17, <c>Op3(19, &lt;47 bytes&gt;)</c>): FreeBSD's copyout(9) that faults
    /// keeps the bytes it stored before the fault (sys/amd64/amd64/support.S: <c>MEMMOVE</c>, then
    /// <c>copy_fault</c> returns EFAULT), where .NET and the host harness copy nothing (docs/testing.md,
    /// section 1). copy(9) promises only EFAULT. So when both sides fail with EFAULT the user buffers are
    /// not compared (errno, return value and log still are); the differences are reported as partial copies.
    /// </summary>
    public static bool FaultedOnBothSides(ExpectedCall call, RigCall real) =>
        call.Managed.Error == (int)Errno.EFAULT && real.Result.Error == (int)Errno.EFAULT;

    /// <summary>Generates, translates and runs in .NET the programs of <paramref name="seeds"/> (those the analyzers reject are counted, not run).</summary>
    public static (ImmutableArray<PreparedProgram> Programs, ImmutableArray<int> Rejected) Prepare(IEnumerable<int> seeds, int inputsPerSyscall)
    {
        var programs = ImmutableArray.CreateBuilder<PreparedProgram>();
        var rejected = ImmutableArray.CreateBuilder<int>();
        foreach (int seed in seeds)
        {
            GeneratedProgram generated = ProgramGenerator.Generate(seed, Features);
            string id = seed.ToString(CultureInfo.InvariantCulture);
            string origin = $"seed {seed} (replay: ProgramGenerator.Generate({seed}, RealKernelDifferential.Features))";
            if (Prepare(id, origin, generated.FileName, generated.Text, seed, inputsPerSyscall) is { } program)
            {
                programs.Add(program);
            }
            else
            {
                rejected.Add(seed);
            }
        }

        return (programs.ToImmutable(), rejected.ToImmutable());
    }

    public static RealKernelReport Run(IEnumerable<int> seeds, int inputsPerSyscall)
    {
        (ImmutableArray<PreparedProgram> programs, ImmutableArray<int> rejected) = Prepare(seeds, inputsPerSyscall);
        RigRun run = RigExecutor.Run([.. programs.Select(p => p.ForRig())]);
        return Compare(programs, rejected, run);
    }

    /// <summary>The test modules of <paramref name="names"/> (Modules/, as <see cref="TestModules"/> finds them), each of which must translate.</summary>
    public static RealKernelReport RunModules(IEnumerable<string> names, int inputsPerSyscall)
    {
        ImmutableArray<PreparedProgram> programs = [.. names.Select(name =>
            Prepare(name, $"test module {name}", name + ".cs", TestModules.Text(name), 1, inputsPerSyscall)
            ?? throw new InvalidOperationException($"test module {name} does not translate"))];
        RigRun run = RigExecutor.Run([.. programs.Select(p => p.ForRig())]);
        return Compare(programs, [], run);
    }

    /// <summary>Every call of every program against what the real kernel gave for it.</summary>
    public static RealKernelReport Compare(ImmutableArray<PreparedProgram> programs, ImmutableArray<int> rejected, RigRun run)
    {
        var mismatches = ImmutableArray.CreateBuilder<RealKernelMismatch>();
        var problems = ImmutableArray.CreateBuilder<string>();
        problems.AddRange(run.BootProblems);
        int agreed = 0, faultedCalls = 0;
        var partialCopies = ImmutableArray.CreateBuilder<RealKernelMismatch>();
        foreach (PreparedProgram program in programs)
        {
            string module = program.Artifacts.ModuleName;
            if (!run.Programs.TryGetValue(program.Id, out RigProgramResult? result))
            {
                problems.Add($"{program.Origin} ({module}): not run");
                continue;
            }

            problems.AddRange(result.Problems.Select(p => $"{program.Origin} ({module}): {p}"));
            if (result.UnloadError is not 0)
            {
                problems.Add($"{program.Origin} ({module}): kldunload gave {(result.UnloadError is int e ? $"errno {e} ({(Errno)e})" : "no answer")}");
            }

            for (int i = 0; i < program.Calls.Length; i++)
            {
                ExpectedCall call = program.Calls[i];
                if (result.Calls[i] is not { } real)
                {
                    problems.Add($"{program.Origin} ({module}): call {i} {call.Syscall.Name}{call.Input}: no result");
                }
                else
                {
                    bool faulted = FaultedOnBothSides(call, real);
                    RigCall compared = faulted ? real with { Result = real.Result with { Buffers = call.Managed.Buffers } } : real;
                    if (faulted)
                    {
                        faultedCalls++;
                        if (Difference(call, real) is { } partial)
                        {
                            partialCopies.Add(new RealKernelMismatch(program.Origin, module, call, partial, real));
                        }
                    }

                    if (Difference(call, compared) is { } what)
                    {
                        mismatches.Add(new RealKernelMismatch(program.Origin, module, call, what, real));
                    }
                    else
                    {
                        agreed++;
                    }
                }
            }
        }

        return new RealKernelReport(programs, rejected, run, mismatches.ToImmutable(), problems.ToImmutable(), agreed)
        {
            FaultedCalls = faultedCalls,
            PartialCopies = partialCopies.ToImmutable(),
        };
    }

    /// <summary>The differential runner's verdict on the call, then its kernel log lines.</summary>
    internal static string? Difference(ExpectedCall call, RigCall real) =>
        DifferentialRunner.Difference(call.Syscall, call.Managed, real.Result)
        ?? (call.Managed.Log.SequenceEqual(real.Log) ? null : "kernel log differs");

    private static PreparedProgram? Prepare(string id, string origin, string fileName, string text, int seed, int inputsPerSyscall)
    {
        var input = new SourceInput([new SourceFile(Path.Combine(Path.GetTempPath(), fileName), text)], Path.GetTempPath());
        CompileResult compiled = KmodCompiler.Compile(input, new LoweringOptions());
        if (compiled.HasErrors)
        {
            return null;
        }

        ModuleArtifacts module = compiled.Modules.Single();
        var options = new DifferentialOptions { Seed = seed, InputsPerSyscall = inputsPerSyscall, MaxInputsPerSyscall = inputsPerSyscall };
        Type type = DifferentialRunner.LoadModuleType(DifferentialRunner.EmitAssembly(input), module.Model, out AssemblyLoadContext context);
        try
        {
            // One module state for all the calls, as the real kernel keeps it from kldload to kldunload.
            _ = ManagedExecutor.RunHook(DifferentialRunner.FindHook(type, typeof(ModuleLoadAttribute)));
            var calls = ImmutableArray.CreateBuilder<ExpectedCall>();
            foreach (SyscallModel syscall in module.Model.Syscalls)
            {
                MethodInfo method = DifferentialRunner.FindMethod(type, syscall);
                foreach (DiffInput call in DifferentialRunner.Inputs(module.Model, syscall, method, options).Where(RunsOnTheRealKernel))
                {
                    calls.Add(new ExpectedCall(syscall, call, ManagedExecutor.Run(method, call, Credential.Root, null, Process)));
                }
            }

            return new PreparedProgram(id, origin, module, calls.ToImmutable());
        }
        finally
        {
            context.Unload();
        }
    }
}
