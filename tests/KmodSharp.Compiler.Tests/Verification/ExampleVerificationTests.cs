using System.IO;
using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Verification;
using Xunit;

namespace KmodSharp.Compiler.Tests.Verification;

/// <summary>
/// Every example's generated C compiles for the FreeBSD target with bsd.kmod.mk's flags: always
/// against the host harness headers, and against a real kernel tree when <c>FREEBSD_SYSDIR</c> is set.
/// </summary>
public sealed class ExampleVerificationTests
{
    private static readonly string[] Examples = [.. Directory.GetDirectories(Path.Combine(Repository.Root, "examples")).Select(Path.GetFileName).Order()!];

    [Fact]
    public void Every_example_compiles_against_the_host_headers_for_the_FreeBSD_target()
    {
        using KernelHeaders headers = KernelHeaders.Host();
        AssertAllCompile(headers);
    }

    [FreeBsdFact]
    public void Every_example_compiles_against_real_FreeBSD_headers()
    {
        using KernelHeaders headers = KernelHeaders.FreeBsd(FreeBsdFactAttribute.SysDir!);
        AssertAllCompile(headers);
    }

    private static void AssertAllCompile(KernelHeaders headers)
    {
        Assert.True(Examples.Length >= 7);
        foreach (string example in Examples)
        {
            ModuleArtifacts module = TestCompiler.Example(example);
            VerifyResult result = ModuleVerifier.Verify(module.ModuleName + ".c", module.CSource(), headers);
            Assert.True(!result.Diagnostics.Any(d => d.IsError), $"{example}:\n" + string.Join("\n", result.Diagnostics));
        }
    }
}
