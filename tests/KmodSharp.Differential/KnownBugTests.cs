using System.IO;
using KmodSharp.Compiler;
using KmodSharp.Compiler.Emit;
using KmodSharp.Compiler.Frontend;
using KmodSharp.Compiler.Lowering;
using KmodSharp.Differential.Runner;
using KmodSharp.Differential.Support;
using Xunit;

namespace KmodSharp.Differential;

/// <summary>
/// Translation bugs the differential runner found, kept as failing cases (skipped) until the
/// backend is fixed. Each module is in Modules/Bugs/. Run them with
/// <c>KMODSHARP_RUN_KNOWN_BUGS=1 dotnet test tests/KmodSharp.Differential --filter KnownBugTests</c>
/// to check a fix, then turn the fixed one into a plain [Fact].
/// </summary>
public sealed class KnownBugTests
{
    [KnownBug("translation bug: x /= b and x %= b are guarded but FailureAnalysis ignores compound division, so the guard's return (EDOM) becomes the syscall's value 33 instead of errno 33")]
    public void Compound_division_fails_with_errno() => Run("CompoundDivision");

    [KnownBug("translation bug: dividing promoted short operands emits 'a == (-2147483647 - 1)' on an int16_t: -Wtype-limits, the module does not compile")]
    public void Short_division_compiles() => Run("ShortDivision");

    [KnownBug("translation bug: a checked postfix ++ used as a statement spills the old value into an unused temporary: -Wunused-but-set-variable, the module does not compile")]
    public void Checked_postfix_increment_compiles() => Run("CheckedPostfix");

    [KnownBug("translation bug: the sysent entry of a handler returning Errno or void never uses td: -Wunused-parameter, the module does not compile")]
    public void Errno_returning_handler_compiles() => Run("ErrnoReturn");

    [KnownBug("translation/analyzer bug: %lld and %qd of a C# long pass the format check, but int64_t is long: -Wformat, the module does not compile")]
    public void Printf_long_long_compiles() => Run("PrintfLongLong");

    [KnownBug("translation bug (kernel stack leak): 'return Errno.None;' from a SyscallResult<int> handler leaves the value uninitialised and copies it to td_retval[0] (0xa5a5a5a5 under the harness poison); .NET gives 0")]
    public void Successful_errno_none_result_returns_zero() => Run("ResultNone");

    [KnownBug("translation bug (user-triggerable UB): a bool argument whose register holds 2 is loaded as a C bool: UBSan 'load of value 2, which is not a valid value for type _Bool' aborts the harness")]
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

    [KnownBug("translation bug: a do-while condition with a guard (checked/division) emits an unused continue label: -Wunused-label, the module does not compile")]
    public void Do_while_with_a_guarded_condition_compiles() => Run("DoWhileGuard");

    [KnownBug("translation bug: a const local becomes a C variable that is set but never used (uses are folded): -Wunused-but-set-variable, the module does not compile")]
    public void Const_locals_compile() => Run("ConstLocals");

    [KnownBug("missing diagnostic: a module with 11 dynamic syscalls compiles, but kldload fails with ENFILE (only slots 210-219 are free)")]
    public void Eleven_dynamic_syscalls_are_diagnosed_or_load() => Run("ElevenSyscalls");

    [KnownBug("missing diagnostic: the printf format check accepts %-05d, which gcc -Wformat rejects: the module does not compile")]
    public void Printf_zero_flag_with_minus_is_diagnosed_or_compiles() => Run("PrintfFlags");

    private static void Run(string module) =>
        DifferentialRunner.Run(TestModules.Text(module), new DifferentialOptions { InputsPerSyscall = 1000 }, module + ".cs").ThrowIfFailed();
}

/// <summary>A fact skipped with the bug's description, unless <c>KMODSHARP_RUN_KNOWN_BUGS=1</c>.</summary>
public sealed class KnownBugAttribute : FactAttribute
{
    public KnownBugAttribute(string description)
    {
        if (System.Environment.GetEnvironmentVariable("KMODSHARP_RUN_KNOWN_BUGS") != "1")
        {
            Skip = description;
        }
    }
}
