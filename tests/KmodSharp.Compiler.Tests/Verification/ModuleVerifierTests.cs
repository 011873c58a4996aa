using System;
using System.IO;
using System.Linq;
using KmodSharp.Cli;
using KmodSharp.Compiler.Diagnostics;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Verification;
using Xunit;

namespace KmodSharp.Compiler.Tests.Verification;

/// <summary><c>verify</c>: the generated C compiled in-process by libclang, errors mapped to C# through <c>#line</c>.</summary>
public sealed class ModuleVerifierTests
{
    [Fact]
    public void The_example_compiles_cleanly_against_the_host_headers()
    {
        ModuleArtifacts module = TestCompiler.Example("MySyscall");
        using KernelHeaders headers = KernelHeaders.Host();

        VerifyResult result = ModuleVerifier.Verify(module, headers);

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void An_error_after_a_line_directive_is_reported_at_the_csharp_line()
    {
        ModuleArtifacts module = TestCompiler.Example("MySyscall");
        string source = module.CSource();
        string[] lines = source.Split('\n');
        int directive = Array.FindIndex(lines, l => l.StartsWith("#line ", StringComparison.Ordinal) && l.Contains("MySyscall.cs", StringComparison.Ordinal) && lines[Array.IndexOf(lines, l) + 1].StartsWith('\t'));
        int csharpLine = int.Parse(lines[directive].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        string broken = string.Join('\n', lines.Take(directive + 1).Append("\tint bad = \"text\" * 2;").Concat(lines.Skip(directive + 1)));
        using KernelHeaders headers = KernelHeaders.Host();

        VerifyResult result = ModuleVerifier.Verify("mysyscall.c", broken, headers);

        KmsDiagnostic error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("KMS0950", error.Id);
        Assert.NotNull(error.Location);
        Assert.Equal("MySyscall.cs", Path.GetFileName(error.Location!.File));
        Assert.Equal(csharpLine, error.Location.Line);
        Assert.StartsWith($"{error.Location.File}({csharpLine},{error.Location.Column}): error KMS0950: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_warning_is_an_error_as_with_WERROR()
    {
        ModuleArtifacts module = TestCompiler.Example("MySyscall");
        string broken = module.CSource().Replace("\treturn (uap->value * 2);", "\tint unused;\n\treturn (uap->value * 2);", StringComparison.Ordinal);
        using KernelHeaders headers = KernelHeaders.Host();

        VerifyResult result = ModuleVerifier.Verify("mysyscall.c", broken, headers);

        KmsDiagnostic error = Assert.Single(result.Diagnostics);
        Assert.True(error.IsError);
        Assert.Contains("unused variable 'unused'", error.Message, StringComparison.Ordinal);
        Assert.Equal("MySyscall.cs", Path.GetFileName(error.Location!.File));
    }

    [Fact]
    public void Option_headers_the_source_includes_are_created_empty_and_the_scratch_folder_is_removed()
    {
        ModuleArtifacts module = TestCompiler.Example("MySyscall");
        string source = "#include \"opt_capsicum.h\"\n" + module.CSource();
        string scratch;
        using (KernelHeaders headers = KernelHeaders.Host())
        {
            scratch = headers.ObjectDirectory;

            VerifyResult result = ModuleVerifier.Verify("mysyscall.c", source, headers);

            Assert.Empty(result.Diagnostics);
            Assert.True(File.Exists(Path.Combine(scratch, "opt_capsicum.h")));
        }

        Assert.False(Directory.Exists(scratch));
    }

    [Fact]
    public void The_cli_verifies_the_example_against_the_host_headers()
    {
        (int exit, string stdout, _) = Run("verify", Repository.Example("MySyscall"));

        Assert.Equal(ExitCodes.Success, exit);
        Assert.StartsWith("mysyscall.c: compiles against the host harness headers (x86_64-unknown-freebsd15.0, ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_sysdir_is_a_usage_error()
    {
        (int exit, string stdout, string stderr) = Run("verify", Repository.Example("MySyscall"), "--freebsd-sysdir", Path.Combine(Path.GetTempPath(), "no-such-sys-" + Guid.NewGuid()));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("", stdout);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_that_is_not_a_sys_tree_is_a_usage_error()
    {
        (int exit, _, string stderr) = Run("verify", Repository.Example("MySyscall"), "--freebsd-sysdir", Repository.Example("MySyscall"));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("is not a FreeBSD kernel source tree", stderr, StringComparison.Ordinal);
    }

    [FreeBsdFact]
    public void The_example_compiles_cleanly_against_the_real_FreeBSD_headers()
    {
        (int exit, string stdout, _) = Run("verify", Repository.Example("MySyscall"), "--freebsd-sysdir", FreeBsdFactAttribute.SysDir!);

        Assert.True(exit == ExitCodes.Success, stdout);
    }

    [FreeBsdFact]
    public void An_error_is_mapped_to_csharp_against_the_real_FreeBSD_headers()
    {
        ModuleArtifacts module = TestCompiler.Example("MySyscall");
        string broken = module.CSource().Replace("\treturn (uap->value * 2);", "\treturn (uap->value * no_such_name);", StringComparison.Ordinal);
        using KernelHeaders headers = KernelHeaders.FreeBsd(FreeBsdFactAttribute.SysDir!);

        VerifyResult result = ModuleVerifier.Verify("mysyscall.c", broken, headers);

        KmsDiagnostic error = Assert.Single(result.Diagnostics);
        Assert.Equal("MySyscall.cs", Path.GetFileName(error.Location!.File));
        Assert.Contains("no_such_name", error.Message, StringComparison.Ordinal);
    }

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Program.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
