using System.IO;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Verification;
using Xunit;

namespace KmodSharp.Compiler.Tests.Verification;

/// <summary>
/// The naming policy against kernel headers: the modules with kernel names (the differential
/// project's Modules/Naming/, which also runs them against .NET) compile with bsd.kmod.mk's flags
/// against the host harness headers and, with <c>FREEBSD_SYSDIR</c>, against a real tree, whose
/// sys/sysproto.h declares <c>struct read_args</c>, <c>sys_read</c>, <c>sys_sched_yield</c>.
/// </summary>
public sealed class NamingPolicyTests
{
    private static readonly string[] Modules =
        [.. Directory.GetFiles(Path.Combine(Repository.Root, "tests", "KmodSharp.Differential", "Modules", "Naming"), "*.cs").Order()];

    [Fact]
    public void Kernel_named_modules_compile_against_the_host_headers()
    {
        using KernelHeaders headers = KernelHeaders.Host();
        AssertAllCompile(headers);
    }

    [FreeBsdFact]
    public void Kernel_named_modules_compile_against_real_FreeBSD_headers()
    {
        using KernelHeaders headers = KernelHeaders.FreeBsd(FreeBsdFactAttribute.SysDir!);
        AssertAllCompile(headers);
    }

    [Fact]
    public void The_checked_in_lists_name_what_the_built_in_list_cannot()
    {
        Assert.True(KernelHeaderNames.ClashesAsGlobal("sys_sched_yield"));
        Assert.True(KernelHeaderNames.ClashesAsTag("read_args"));
        Assert.True(KernelHeaderNames.ClashesAsLocal("p_siglist"));
        Assert.False(KernelHeaderNames.ClashesAsLocal("copyout"));
        Assert.False(KernelHeaderNames.ClashesAsGlobal("temp_read"));
    }

    [Fact]
    public void A_syscall_named_like_the_kernels_gets_module_prefixed_names()
    {
        ModuleArtifacts module = TestCompiler.Module(File.ReadAllText(Modules.Single(m => m.EndsWith("KernelNamedRead.cs"))));
        string c = module.CSource();

        Assert.Contains("struct read_read_args {", c);
        Assert.Contains("\nsys_read_read(struct thread *td, void *arg)", c);
        Assert.DoesNotContain("struct read_args", c);
        Assert.DoesNotContain("sys_read(", c);
        Assert.Contains("SYSCALL_MODULE(read,", c);
    }

    [Fact]
    public void A_module_named_like_a_kernel_malloc_type_gets_its_own()
    {
        ModuleArtifacts module = TestCompiler.Module(File.ReadAllText(Modules.Single(m => m.EndsWith("KernelNamedTemp.cs"))));

        Assert.Contains("MALLOC_DEFINE(M_KMS_TEMP, \"temp\"", module.CSource());
    }

    private static void AssertAllCompile(KernelHeaders headers)
    {
        Assert.True(Modules.Length >= 7);
        foreach (string path in Modules)
        {
            ModuleArtifacts module = TestCompiler.Module(File.ReadAllText(path), Path.GetFileName(path));
            VerifyResult result = ModuleVerifier.Verify(module.ModuleName + ".c", module.CSource(), headers);
            Assert.True(!result.Diagnostics.Any(d => d.IsError), $"{Path.GetFileName(path)}:\n" + string.Join("\n", result.Diagnostics));
        }
    }
}
