using System.Collections.Immutable;
using KmodSharp.Compiler;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Compiler.Pipeline.Model;
using KmodSharp.Compiler.Tools.Simulation;

namespace KmodSharp.Bench.CodeGen;

/// <summary>
/// Generated C against hand-written C for the tutorial's handlers: machine-code bytes of each
/// syscall's functions with the kernel's flags, and instructions per call in the host harness.
/// Both twins must return the same results on the sample calls, or the comparison is void.
/// Instructions are judged as the kernel's compiler makes them (clang: FreeBSD builds its kernel with
/// clang, and the .text rows use it too); the host's cc is shown beside them, to inform only: gcc
/// expands a memset whose size it can bound inline, and the harness's out-of-line memset that the
/// hand-written twin calls is not the module's code.
/// </summary>
internal static class CodeGenBenchmark
{
    // Issue #19: every handler no bigger and no slower than the hand-written C.
    private const double Target = 1.0;

    public static int Run()
    {
        string scratch = Directory.CreateTempSubdirectory("kmodsharp-bench-codegen-").FullName;
        try
        {
            var counter = new InstructionCounter(scratch, KernelObject.Clang);
            var hostCounter = new InstructionCounter(scratch, HostToolchain.Default().Compiler);
            var sizeRows = new List<ResultRow>();
            var instructionRows = new List<ResultRow>();
            var hostInstructionRows = new List<ResultRow>();
            foreach (HandWrittenTwin twin in HandWrittenTwins.All)
            {
                (string generated, ModuleModel model) = Generate(twin, scratch);
                string handWritten = RepositoryPaths.HandWritten(twin.Module);
                ImmutableDictionary<string, int> ourSizes = KernelObject.FunctionSizes(generated, scratch);
                ImmutableDictionary<string, int> theirSizes = KernelObject.FunctionSizes(handWritten, scratch);
                foreach (SampleCall call in twin.Calls)
                {
                    // The generated entry is named by the backend's policy; the hand-written one as sys/sysproto.h names a syscall's.
                    string ourEntry = CNames.SyscallEntry(model, model.Syscalls.Single(s => s.Name == call.Syscall));
                    string theirEntry = "sys_" + call.Syscall;
                    sizeRows.Add(ResultRow.Compared($"`{call.Syscall}` .text", ourSizes[ourEntry], theirSizes[theirEntry], " B", Target));
                    instructionRows.Add(InstructionRow(counter, generated, handWritten, twin, call, ourEntry, theirEntry, Target));
                    hostInstructionRows.Add(InstructionRow(hostCounter, generated, handWritten, twin, call, ourEntry, theirEntry, maxRatio: null));
                }

                // Functions the compiler kept out of line count in the module total, not in a syscall's row.
                sizeRows.Add(ResultRow.Compared($"**{twin.Module}** module .text (all functions)", ourSizes.Values.Sum(), theirSizes.Values.Sum(), " B", Target));
            }

            Console.WriteLine($"\n### Generated vs hand-written C: machine code (clang-16, kern.mk flags, {KernelObject.HeadersDescription}); reference = hand-written\n");
            Console.Write(ResultTable.Format(sizeRows));
            Console.WriteLine($"\n### Generated vs hand-written C: instructions per call in the module's own code (callgrind, host harness, {counter.Compiler} -O2); reference = hand-written\n");
            Console.Write(ResultTable.Format(instructionRows));
            Console.WriteLine($"\n### The same with the host's {hostCounter.Compiler} (informs only: not the kernel's compiler)\n");
            Console.Write(ResultTable.Format(hostInstructionRows));
            return sizeRows.Concat(instructionRows).All(r => r.Pass != false) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static ResultRow InstructionRow(InstructionCounter counter, string generated, string handWritten, HandWrittenTwin twin, SampleCall call, string ourEntry, string theirEntry, double? maxRatio)
    {
        CallProfile ours = counter.Profile(generated, "gen_" + twin.Module, call, ourEntry);
        CallProfile theirs = counter.Profile(handWritten, "hw_" + twin.Module, call, theirEntry);
        if (ours.Results != theirs.Results)
        {
            throw new InvalidOperationException($"{call.Syscall}: generated and hand-written results differ ({ours.Results} vs {theirs.Results})");
        }

        return ResultRow.Compared($"`{call.Syscall}` instructions/call", ours.OwnInstructionsPerCall, theirs.OwnInstructionsPerCall, "", maxRatio);
    }

    private static (string Path, ModuleModel Model) Generate(HandWrittenTwin twin, string scratch)
    {
        SourceInput input = InputLoader.Load([RepositoryPaths.Example(twin.ExampleFolder)]);
        CompileResult result = KmodCompiler.Compile(input, new LoweringOptions(LineDirectives: false));
        ModuleArtifacts module = result.Modules.Single(m => m.ModuleName == twin.Module);
        string path = Path.Combine(scratch, twin.Module + ".c");
        File.WriteAllText(path, module[twin.Module + ".c"].Text);
        return (path, module.Model);
    }
}
