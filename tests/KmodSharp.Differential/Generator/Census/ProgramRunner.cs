using System;
using System.IO;
using System.Linq;
using KmodSharp.Compiler;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Differential.Generator.Generation;
using KmodSharp.Differential.Runner;

namespace KmodSharp.Differential.Generator.Census;

/// <summary>
/// Runs one generated program: translated by KmodSharp (a rejection goes to the census, a crash
/// is a finding), then differentially — managed simulation against the generated C in the
/// ASan/UBSan host harness — on the runner's edge and random inputs.
/// </summary>
public static class ProgramRunner
{
    /// <summary>Inputs per syscall: edges first, so a few dozen already reach zero divisors, extremes and bad pointers.</summary>
    public const int DefaultInputs = 48;

    public static ProgramOutcome Run(GeneratedProgram program, int inputsPerSyscall = DefaultInputs) => Run(program.Seed, program.Text, program.FileName, inputsPerSyscall);

    public static ProgramOutcome Run(int seed, string text, string fileName, int inputsPerSyscall = DefaultInputs)
    {
        var input = new SourceInput([new SourceFile(Path.Combine(Path.GetTempPath(), fileName), text)], Path.GetTempPath());
        CompileResult compiled;
        try
        {
            compiled = KmodCompiler.Compile(input, new LoweringOptions());
        }
        catch (Exception e)
        {
            return Failed(seed, FindingClass.InternalCompilerError, e.ToString());
        }

        var errors = compiled.Diagnostics.Where(d => d.IsError).ToList();
        if (errors.Any(d => d.Id.StartsWith("CS", StringComparison.Ordinal)))
        {
            return Failed(seed, FindingClass.InvalidCSharp, string.Join("\n", errors));
        }

        if (errors.Count > 0)
        {
            return new ProgramOutcome.Rejected([.. errors.Select(d => (d.Id, d.ToString()))]);
        }

        try
        {
            DifferentialReport report = DifferentialRunner.Run(text, new DifferentialOptions
            {
                Seed = seed,
                InputsPerSyscall = inputsPerSyscall,
                MaxInputsPerSyscall = inputsPerSyscall,
                MaxMismatches = 3,
            }, fileName);
            return report.Passed
                ? new ProgramOutcome.Agreed(report.TotalInputs)
                : Failed(seed, OutcomeClassifier.Classify(report), report.ToString());
        }
        catch (Exception e)
        {
            return Failed(seed, OutcomeClassifier.Classify(e), e.Message);
        }
    }

    private static ProgramOutcome.Failed Failed(int seed, FindingClass kind, string detail) => new(new Finding(seed, kind, detail));
}
