using System.Collections.Generic;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Emit.Userland;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Userland;

/// <summary>
/// The naming policy on the userland side: syscalls named like libc's functions (read, getpid,
/// open, ioctl, write, close, kill) get library functions that no userland header declares, and
/// the generated test program — compiled with the host's libc headers, linked and run against the
/// module — calls each under that name; the man page, the syzkaller description and the .NET client
/// name and find the same calls. Modules from the differential project's Modules/Naming/.
/// </summary>
public sealed class UserlandNamingTests
{
    [Theory]
    [InlineData("KernelNamedLibc", "proc_read_2(42, 42) = 1344", "proc_kill(42, 42) = 2730", "proc_read(42) = 1305")]
    [InlineData("KernelNamedTemp", "temp_read(42, 42, 42, 42) = ", "temp_getpid(42, 42) = ", "temp_ioctl(42, 42, 42) = ")]
    [InlineData("KernelNamedMacros", "curproc(42, 42, 42) = 210", "curcpu(42, 42) = 210", "")]
    [InlineData("MachineNames", "hdrnames_getprogname(42) = 86", "hdrnames_on_exit(42, 42) = 0", "")]
    [InlineData("StructTagCollisions", "mix(&mix_first, &mix_holder, &mix_result) = 0", "sizes(42, 42) = 150", "")]
    public void The_test_program_calls_every_syscall_under_a_name_libc_does_not_have(string name, string first, string second, string third)
    {
        ModuleArtifacts module = NamingModule(name);
        BuiltModule built = UserlandHarness.Instance.Build(module);

        ProcessOutcome run = ProcessRunner.Run(built.TestProgram(), [], new Dictionary<string, string> { ["KMS_USER_KLD"] = built.SharedObject });

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains(first, run.Stdout);
        Assert.Contains(second, run.Stdout);
        Assert.Contains(third, run.Stdout);
    }

    [Fact]
    public void Libc_functions_are_found_in_the_headers_a_program_includes()
    {
        foreach (string libc in new[] { "read", "write", "open", "close", "ioctl", "kill", "getpid", "printf", "malloc" })
        {
            Assert.True(UserlandNamespace.Clashes(libc), libc);
        }

        Assert.False(UserlandNamespace.Clashes("proc_read"));
        Assert.True(UserlandNamespace.IsObjectMacro("stdin") || UserlandNamespace.IsObjectMacro("EOF"));
    }

    [Fact]
    public void The_man_page_syzkaller_description_and_client_name_the_same_calls()
    {
        ModuleArtifacts module = NamingModule("KernelNamedLibc");
        string[] names = [.. UserlandApi.Functions(module.Model).Select(f => f.Name)];
        string header = module["proc.h"].Text;
        string library = module["libproc.c"].Text;
        string manPage = module["proc.2"].Text;
        string syzkaller = module["proc.syz.txt"].Text;

        Assert.Equal(["proc_read_2", "proc_getpid", "proc_open", "proc_ioctl", "proc_write", "proc_close", "proc_kill", "proc_read"], names);
        foreach (string function in names)
        {
            Assert.Contains($"\n{function}(", header.Replace("int\t", "\n").Replace("int ", "\n"));
            Assert.Contains($".Fn {function}", manPage);
            Assert.Contains($"\n{function}(", syzkaller);
            Assert.Contains($"define SYS_{function}\t", syzkaller);
        }

        Assert.DoesNotContain("\nread(", syzkaller);
        Assert.DoesNotContain(" read(", library);

        // The kernel registers sys/curproc_ (curproc is a kernel macro); the library and the client look that up.
        ModuleArtifacts macros = NamingModule("KernelNamedMacros");
        Assert.Contains("SYSCALL_MODULE(curproc_,", macros.CSource());
        Assert.Contains("\"sys/curproc_\"", macros["libcurthread.c"].Text);
        Assert.Contains("Lookup(\"sys/curproc_\\0\"u8", macros[macros.Model.ClassName + "Client.cs"].Text);
    }

    private static ModuleArtifacts NamingModule(string name)
    {
        string path = Path.Combine(Repository.Root, "tests", "KmodSharp.Differential", "Modules", "Naming", name + ".cs");
        return TestCompiler.Module(File.ReadAllText(path), name + ".cs");
    }
}
