using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using KmodSharp.Compiler.Tools.Simulation;

namespace KmodSharp.Bench.CodeGen;

/// <summary>What one syscall did in the harness: its results, and the instructions run in the module's own code per call.</summary>
internal sealed record CallProfile(string Results, double OwnInstructionsPerCall);

/// <summary>
/// Instruction counts per call in the host kernel harness, built by <see cref="Compiler"/> without
/// sanitizers at -O2 so the module's code is what that compiler makes of it: <c>valgrind --tool=callgrind</c>
/// collects only while the syscall runs (<c>--toggle-collect=sys_NAME</c>) and the module's own
/// share is the instructions in the module's shared object (the emulated kernel API is the
/// same for both twins and left out).
/// </summary>
internal sealed partial class InstructionCounter
{
    private const int CallsPerRun = 100;

    // valgrind 3.19 cannot read clang-16's default DWARF 5 (it gives up on the module); both compilers write DWARF 4.
    private const string DebugInformation = "-gdwarf-4";
    private readonly string scratch;
    private readonly string driver;
    private readonly string glue;
    private readonly HostToolchain toolchain;

    /// <param name="scratchRoot">Where the harness, the modules and callgrind's output go, in a folder per compiler.</param>
    /// <param name="compiler">The C compiler of the harness and the modules.</param>
    public InstructionCounter(string scratchRoot, string compiler)
    {
        scratch = Directory.CreateDirectory(Path.Combine(scratchRoot, Path.GetFileName(compiler))).FullName;
        toolchain = HostToolchain.Default() with { Compiler = compiler };
        var objects = new List<string>();
        foreach (string source in Directory.GetFiles(Path.Combine(toolchain.HarnessDirectory, "kern"), "*.c")
            .Append(Path.Combine(toolchain.HarnessDirectory, "sim", "kmodsim.c")))
        {
            string obj = Path.Combine(scratch, "harness-" + Path.GetFileNameWithoutExtension(source) + ".o");
            Run(toolchain.Compiler, ["-std=gnu17", "-O2", DebugInformation, "-c", "-o", obj, source]);
            objects.Add(obj);
        }

        driver = Path.Combine(scratch, "kmodsim");
        Run(toolchain.Compiler, ["-o", driver, .. objects, "-rdynamic", "-ldl"]);
        glue = CompileModuleObject(Path.Combine(toolchain.HarnessDirectory, "kmod", "module_glue.c"), "glue");
    }

    /// <summary>The C compiler the counts are for.</summary>
    public string Compiler => toolchain.Compiler;

    /// <summary>Builds <paramref name="source"/> as a harness module and profiles <paramref name="call"/>.</summary>
    public CallProfile Profile(string source, string tag, SampleCall call, string entry)
    {
        string module = Path.Combine(scratch, tag + ".so");
        if (!File.Exists(module))
        {
            Run(toolchain.Compiler, ["-shared", "-o", module, CompileModuleObject(source, tag), glue]);
        }

        string output = Path.Combine(scratch, $"callgrind.{tag}.{call.Syscall}");
        var calls = Enumerable.Repeat<string[]>(["--call", call.Syscall, .. call.Arguments], CallsPerRun).SelectMany(c => c);
        ProcessOutcome run = ProcessRunner.Run("valgrind",
            ["--tool=callgrind", "--callgrind-out-file=" + output, "--toggle-collect=" + entry,
             driver, "--no-uninit-check", "--load", module, .. calls, "--unload", module], timeout: TimeSpan.FromMinutes(5));
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"kmodsim failed under callgrind for {tag} {call.Syscall}:\n{run.Stderr}");
        }

        return new CallProfile(Results(run.Stdout), OwnInstructions(output, module) / (double)CallsPerRun);
    }

    private string CompileModuleObject(string source, string tag)
    {
        string obj = Path.Combine(scratch, tag + ".o");
        ImmutableArray<string> flags = [.. toolchain.ModuleFlags.Except(HostToolchain.SanitizerFlags).Select(f => f switch { "-O1" => "-O2", "-g" => DebugInformation, _ => f })];
        Run(toolchain.Compiler, [.. flags, "-c", "-o", obj, source]);
        return obj;
    }

    // The calls' results (return values and errno), to prove both twins computed the same thing.
    private static string Results(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return string.Join(";", document.RootElement.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("op").GetString() == "call")
            .Select(e => $"{e.GetProperty("retval")},{e.GetProperty("retval1")},{e.GetProperty("error")}"));
    }

    private static long OwnInstructions(string callgrindOutput, string module)
    {
        ProcessOutcome annotated = ProcessRunner.Run("callgrind_annotate", ["--threshold=100", "--inclusive=no", callgrindOutput]);
        long own = 0;
        foreach (Match match in AnnotatedFunction().Matches(annotated.Stdout))
        {
            if (match.Groups["object"].Value == module)
            {
                own += long.Parse(match.Groups["ir"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            }
        }

        return own;
    }

    private static void Run(string file, IEnumerable<string> arguments)
    {
        ProcessOutcome outcome = ProcessRunner.Run(file, arguments);
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed:\n{outcome.Stderr}");
        }
    }

    // "    4,400 ( 0.24%)  /path/usermem.c:sys_usermem_strlen [/tmp/x/gen_usermem.so]"
    [GeneratedRegex(@"^\s*(?<ir>[\d,]+) \([^)]*\)\s+\S+ \[(?<object>[^\]]+)\]\s*$", RegexOptions.Multiline)]
    private static partial Regex AnnotatedFunction();
}
