using System.Collections.Generic;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Model;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Userland;

/// <summary>
/// <c>&lt;module&gt;.2</c>: lint-clean mdoc for every example, and an ERRORS section that lists
/// exactly the errno values the handler can return (from the frontend's error analysis).
/// </summary>
public sealed class ManPageTests
{
    public static TheoryData<string> Examples => new() { "MySyscall", "CustomSyscall", "UserMemory", "TwoValues", "ErrorHandling", "Capsicum", "Counter", "Credentials", "FrameReader" };

    [RequiresToolTheory("mandoc", "mandoc")]
    [MemberData(nameof(Examples))]
    public void Is_mandoc_lint_clean(string example)
    {
        ModuleArtifacts module = TestCompiler.Example(example);
        string page = Path.Combine(Path.GetTempPath(), $"kms-man-{System.Guid.NewGuid():N}.2");
        File.WriteAllText(page, module[module.ModuleName + ".2"].Text);
        ProcessOutcome lint;
        try
        {
            lint = ProcessRunner.Run("mandoc", ["-Tlint", page]);
        }
        finally
        {
            File.Delete(page);
        }

        // The host has no FreeBSD manuals, so cross references to them cannot resolve here.
        string[] messages = [.. (lint.Stdout + lint.Stderr).Split('\n')
            .Where(l => l.Length > 0 && !l.Contains("referenced manual not found") && !l.Contains("mandoc.db"))];
        Assert.True(messages.Length == 0, string.Join("\n", messages));
    }

    [Theory]
    [InlineData("ErrorHandling", "errors_divide", "EINVAL EDOM ECAPMODE ENOENT")]
    [InlineData("ErrorHandling", "errors_privileged", "EPERM ECAPMODE ENOENT")]
    [InlineData("ErrorHandling", "errors_allocate", "ENOMEM EINVAL EOVERFLOW ECAPMODE ENOENT")]
    [InlineData("UserMemory", "usermem_multiply", "EFAULT ECAPMODE ENOENT")]
    [InlineData("UserMemory", "usermem_strlen", "EFAULT ENAMETOOLONG ECAPMODE ENOENT")]
    [InlineData("UserMemory", "usermem_bump", "EFAULT ECAPMODE ENOENT")]
    [InlineData("CustomSyscall", "my_custom_syscall", "EFAULT ENAMETOOLONG ECAPMODE ENOENT")]
    [InlineData("Capsicum", "cap_square", "ENOENT")]
    [InlineData("Capsicum", "cap_whoami", "ECAPMODE ENOENT")]
    [InlineData("MySyscall", "mysyscall", "ECAPMODE ENOENT")]
    [InlineData("FrameReader", "frame_checksum", "EFAULT EINVAL EFBIG EINTEGRITY ECAPMODE ENOENT")]
    [InlineData("FrameReader", "frame_summarize", "EFAULT EINVAL EFBIG ECAPMODE ENOENT")]
    public void Errors_lists_what_the_handler_can_return(string example, string function, string expected)
    {
        ModuleArtifacts module = TestCompiler.Example(example);
        SyscallModel syscall = module.Model.Syscalls.Single(s => s.Name == function);

        Assert.Equal(Sorted(expected.Split(' ')), Sorted(syscall.Errors.Select(e => e.Name).Distinct()));
        Assert.Equal(Sorted(expected.Split(' ')), Sorted(ErrorsSection(module[module.ModuleName + ".2"].Text, function)));
    }

    [Fact]
    public void Guards_and_helpers_contribute_their_errors()
    {
        ModuleArtifacts module = TestCompiler.Module("""
            using System;
            using KmodSharp;

            [KernelModule("guards")]
            public static class Guards
            {
                /// <summary>Divides, with checked arithmetic.</summary>
                /// <param name="a">The dividend.</param>
                /// <returns>The quotient plus one.</returns>
                [Syscall(CapabilityMode = true)]
                public static int Quotient(int a, int b) => checked(a / b + 1);

                [Syscall(CapabilityMode = true)]
                public static SyscallResult<int> Indexed(int i)
                {
                    Span<int> values = stackalloc int[4];
                    return values[i] + Helper(i);
                }

                [Syscall(CapabilityMode = true)]
                public static int Compared(int value) => value == (int)Errno.EPERM ? 0 : 1;

                private static Errno Helper(int i) => i > 2 ? Errno.E2BIG : Errno.None;
            }
            """, "Guards.cs");

        Assert.Equal(Sorted(["EDOM", "EOVERFLOW", "ENOENT"]), Sorted(Names(module, "quotient")));
        Assert.Equal(Sorted(["EINVAL", "E2BIG", "ENOENT"]), Sorted(Names(module, "indexed")));
        Assert.Equal(Sorted(["ENOENT"]), Sorted(Names(module, "compared")));
        string page = module["guards.2"].Text;
        Assert.Contains(".It Fa a\nThe dividend.\n", page);
        Assert.Contains("function returns the quotient plus one;", page);
    }

    private static IEnumerable<string> Names(ModuleArtifacts module, string syscall) =>
        module.Model.Syscalls.Single(s => s.Name == syscall).Errors.Select(e => e.Name).Distinct();

    private static List<string> Sorted(IEnumerable<string> names) => [.. names.Order(System.StringComparer.Ordinal)];

    // The .It Bq Er lines of the ERRORS list that follows ".Fn <function>".
    private static IEnumerable<string> ErrorsSection(string page, string function)
    {
        string errors = page[page.IndexOf(".Sh ERRORS\n", System.StringComparison.Ordinal)..];
        errors = errors[..errors.IndexOf("\n.Sh ", System.StringComparison.Ordinal)];
        string list = errors[errors.IndexOf($".Fn {function}\n", System.StringComparison.Ordinal)..];
        list = list[..list.IndexOf("\n.El", System.StringComparison.Ordinal)];
        return list.Split('\n').Where(l => l.StartsWith(".It Bq Er ", System.StringComparison.Ordinal)).Select(l => l[".It Bq Er ".Length..]);
    }
}
