using System;
using System.Globalization;
using System.IO;
using System.Linq;
using KmodSharp.Compiler;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Compiler.Tools.Simulation;
using KmodSharp.Differential.Support;
using Xunit;
using Xunit.Abstractions;

namespace KmodSharp.Differential.Fuzz;

/// <summary>
/// libFuzzer over a generated module in the host kernel harness (runtime-shims/host/fuzz): fuzzed
/// syscall numbers, argument registers, user memory contents and mappings, and credentials.
/// Any crash, sanitizer report, kernel panic, WITNESS/malloc violation or leak fails the test.
/// <c>KMODSHARP_FUZZ_SECONDS</c> sets the duration per example (default 10: about a minute over all of them).
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    [RequiresClang16Theory]
    [InlineData("MySyscall")]
    [InlineData("CustomSyscall")]
    [InlineData("ErrorHandling")]
    [InlineData("UserMemory")]
    [InlineData("TwoValues")]
    [InlineData("Capsicum")]
    [InlineData("Counter")]
    [InlineData("Credentials")]
    [InlineData("FrameReader")]
    public void Example_survives_fuzzing(string example)
    {
        CompileResult result = KmodCompiler.Compile(TestModules.Example(example), new LoweringOptions());
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        ModuleArtifacts module = Assert.Single(result.Modules);
        Fuzz(module);
    }

    private void Fuzz(ModuleArtifacts module)
    {
        int seconds = Environment.GetEnvironmentVariable("KMODSHARP_FUZZ_SECONDS") is { Length: > 0 } s
            ? int.Parse(s, CultureInfo.InvariantCulture)
            : 10;
        string work = Path.Combine(Path.GetTempPath(), "kmodsharp-fuzz-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(work);
        try
        {
            string source = Path.Combine(work, module.ModuleName + ".c");
            File.WriteAllText(source, module[module.ModuleName + ".c"].Text);
            string script = Path.Combine(TestModules.RepositoryRoot, "runtime-shims", "host", "fuzz", "run.sh");
            ProcessOutcome outcome = ProcessRunner.Run("bash", [script, source, seconds.ToString(CultureInfo.InvariantCulture), work],
                timeout: TimeSpan.FromSeconds(seconds + 300));
            string summary = outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
            output.WriteLine(summary);
            Assert.True(outcome.ExitCode == 0, $"fuzzing {module.ModuleName} found a problem (exit {outcome.ExitCode}, {summary}); work folder {work}:\n{Tail(outcome.Stderr)}");
            Directory.Delete(work, recursive: true);
        }
        catch (Exception) when (Directory.Exists(work) && KeepOnFailure(work))
        {
            throw;
        }
    }

    // Leaves the corpus and crash files for replay; never actually filters.
    private bool KeepOnFailure(string work)
    {
        output.WriteLine($"kept {work} (corpus, crash-* inputs, fuzz.log)");
        return false;
    }

    private static string Tail(string text) => text.Length <= 6000 ? text : "…" + text[^6000..];
}
