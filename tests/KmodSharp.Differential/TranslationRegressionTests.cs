using System.IO;
using KmodSharp.Compiler;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Compiler.Tools.Simulation;
using KmodSharp.Differential.Runner;
using KmodSharp.Differential.Support;
using Xunit;

namespace KmodSharp.Differential;

/// <summary>
/// Translation bugs the differential runner found, each now fixed and kept as a regression test:
/// the module (Modules/Regressions/) must compile, run in the harness and agree with .NET.
/// </summary>
public sealed class TranslationRegressionTests
{
    [Fact]
    public void Compound_division_fails_with_errno() => Run("CompoundDivision");

    [Fact]
    public void Short_division_compiles() => Run("ShortDivision");

    [Fact]
    public void Checked_postfix_increment_compiles() => Run("CheckedPostfix");

    [Fact]
    public void Errno_returning_handler_compiles() => Run("ErrnoReturn");

    [Fact]
    public void Printf_long_long_compiles() => Run("PrintfLongLong");

    [Fact]
    public void Successful_errno_none_result_returns_zero() => Run("ResultNone");

    [Fact]
    public void A_bool_argument_register_holding_2_is_defined()
    {
        CompileResult compiled = KmodCompiler.Compile(
            new SourceInput([new SourceFile(Path.Combine(Path.GetTempPath(), "BoolArgument.cs"), TestModules.Text("BoolArgument"))], Path.GetTempPath()),
            new LoweringOptions());
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
        ModuleArtifacts module = Assert.Single(compiled.Modules);
        using var harness = new HarnessExecutor(module.ModuleName, module[module.ModuleName + ".c"].Text);

        HarnessBatchResult result = harness.Run([("takes_bool", new DiffInput([new IntegerArgument(2, true)])), ("takes_bool", new DiffInput([new IntegerArgument(0x100, true)]))]);

        Assert.True(result.Parsed && result.ExitCode == 0, result.Stderr);
        Assert.Equal(1, result.Calls[0].Retval);
    }

    [Fact]
    public void Do_while_with_a_guarded_condition_compiles() => Run("DoWhileGuard");

    [Fact]
    public void Const_locals_compile() => Run("ConstLocals");

    [Fact]
    public void Self_assignments_keep_their_meaning() => Run("SelfAssignments");

    /// <summary>clang's -Wall has -Wself-assign (gcc's has not): the module compiles with kern.mk's clang flags.</summary>
    [RequiresClangFact]
    public void Self_assignments_compile_under_clang()
    {
        CompileResult compiled = KmodCompiler.Compile(
            new SourceInput([new SourceFile(Path.Combine(Path.GetTempPath(), "SelfAssignments.cs"), TestModules.Text("SelfAssignments"))], Path.GetTempPath()),
            new LoweringOptions());
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
        ModuleArtifacts module = Assert.Single(compiled.Modules);
        var clang = new HostToolchain(RequiresClangFactAttribute.Clang!, HostHarnessLocation.Find());
        string work = Directory.CreateTempSubdirectory("kmodsharp-selfassign-").FullName;
        try
        {
            string source = Path.Combine(work, module.ModuleName + ".c");
            File.WriteAllText(source, module[module.ModuleName + ".c"].Text);

            ProcessOutcome outcome = ProcessRunner.Run(clang.Compiler, [.. clang.ModuleFlags, "-c", source, "-o", Path.Combine(work, "module.o")]);

            Assert.True(clang.IsClang && outcome.ExitCode == 0, outcome.Stderr);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void Eleven_dynamic_syscalls_are_diagnosed()
    {
        CompileResult compiled = KmodCompiler.Compile(
            new SourceInput([new SourceFile(Path.Combine(Path.GetTempPath(), "ElevenSyscalls.cs"), TestModules.Text("ElevenSyscalls"))], Path.GetTempPath()),
            new LoweringOptions());

        Assert.Contains(compiled.Diagnostics, d => d.Id == "KMS0410" && d.IsError);
    }

    [Fact]
    public void Printf_zero_flag_with_minus_is_diagnosed_or_compiles() => Run("PrintfFlags");

    [Fact]
    public void Code_kern_mk_accepts_compiles_in_the_harness() => Run("KernMkWarnings");

    private static void Run(string module) => TestModules.AgreesWithDotnet(module, inputsPerSyscall: 1000);
}
