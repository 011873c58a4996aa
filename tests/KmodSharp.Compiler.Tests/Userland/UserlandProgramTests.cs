using System.Collections.Generic;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Userland;

/// <summary>
/// Every example's generated <c>lib&lt;module&gt;.c</c> and <c>test_&lt;module&gt;.c</c>, compiled
/// unchanged against the host userland shim, run against the module loaded in the same process;
/// and a driver per example (Drivers/) that asserts each library function's values and errno,
/// including the module-not-loaded case.
/// </summary>
public sealed class UserlandProgramTests
{
    public static TheoryData<string, string> Examples => new()
    {
        { "MySyscall", "mysyscall(42) = 84" },
        { "CustomSyscall", "my_custom_syscall(42, \"hello\") = 126" },
        { "UserMemory", "usermem_strlen(\"hello\") = 5" },
        { "TwoValues", "two_values(42) = 142, second = 242" },
        { "ErrorHandling", "errors_allocate(42) = 294" },
        { "Capsicum", "cap_square(42) = 1764" },
        { "Counter", "counter_add(42) = 42" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_generated_test_program_calls_every_syscall_through_the_library(string example, string expectedLine)
    {
        BuiltModule module = UserlandHarness.Instance.Build(TestCompiler.Example(example));
        string program = module.TestProgram();

        ProcessOutcome loaded = ProcessRunner.Run(program, [], new Dictionary<string, string> { ["KMS_USER_KLD"] = module.SharedObject });
        Assert.True(loaded.ExitCode == 0, loaded.Stdout + loaded.Stderr);
        Assert.Contains(expectedLine + "\n", loaded.Stdout);

        // Not loaded: every call fails cleanly with ENOENT from modfind, the process is not killed.
        ProcessOutcome absent = ProcessRunner.Run(program, []);
        Assert.Equal(1, absent.ExitCode);
        Assert.Contains("No such file or directory", absent.Stderr);
        Assert.DoesNotContain(" = ", absent.Stdout);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_driver_checks_every_library_function_value_and_errno(string example, string expectedLine)
    {
        _ = expectedLine;
        BuiltModule module = UserlandHarness.Instance.Build(TestCompiler.Example(example));

        ProcessOutcome run = ProcessRunner.Run(module.Driver(), [module.SharedObject]);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("driver: all checks passed", run.Stdout);
    }
}
