using System.Collections.Generic;
using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Model;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Userland;

/// <summary>
/// <c>&lt;module&gt;.syz.txt</c> parses as syzlang, describes each syscall with the C# signature's
/// types and directions, and its SYS_ defines are the slots the module really takes.
/// </summary>
public sealed class SyzlangTests
{
    [Theory]
    [InlineData("MySyscall", "mysyscall", "value int32")]
    [InlineData("CustomSyscall", "my_custom_syscall", "value int32|message ptr[in, string]")]
    [InlineData("UserMemory", "usermem_multiply", "request ptr[in, usermem_Request]|reply ptr[out, usermem_Reply]")]
    [InlineData("UserMemory", "usermem_strlen", "text ptr[in, string]")]
    [InlineData("UserMemory", "usermem_bump", "address ptr[inout, int8]")]
    [InlineData("TwoValues", "two_values", "base int64")]
    [InlineData("Capsicum", "cap_whoami", "")]
    [InlineData("Counter", "counter_add", "value int32")]
    [InlineData("FrameReader", "frame_summarize", "frame ptr[in, framereader_FrameHeader]|summary ptr[out, framereader_FrameSummary]")]
    public void Describes_the_signature(string example, string syscall, string arguments)
    {
        SyzDescription description = SyzlangParser.Parse(Description(TestCompiler.Example(example)));

        SyzSyscall call = description.Syscalls.Single(s => s.Name == syscall);
        Assert.Equal(arguments, string.Join("|", call.Arguments.Select(a => $"{a.Name} {a.Type}")));
        Assert.Null(call.Result);
        Assert.True(description.Defines.ContainsKey("SYS_" + syscall));
    }

    [Fact]
    public void Structs_have_the_CSharp_fields_and_size()
    {
        SyzDescription description = SyzlangParser.Parse(Description(TestCompiler.Example("UserMemory")));

        Assert.Equal(["Product int64", "Calls int32", "Checksum int32"], description.Structs["usermem_Reply"].Select(f => $"{f.Name} {f.Type}"));
        Assert.Equal(["Operand int32", "Factor int32"], description.Structs["usermem_Request"].Select(f => $"{f.Name} {f.Type}"));
    }

    [Fact]
    public void A_length_parameter_becomes_len_of_its_buffer()
    {
        ModuleArtifacts module = TestCompiler.Module("""
            using KmodSharp;

            [KernelModule("lens")]
            public static class Lens
            {
                [Syscall]
                public static Errno Fill(UserPtr<long> buffer, int bufferLength, bool flag, nuint size)
                {
                    return flag && size > 0 && bufferLength > 0 ? Errno.None : Errno.EINVAL;
                }
            }
            """, "Lens.cs");
        SyzSyscall call = Assert.Single(SyzlangParser.Parse(Description(module)).Syscalls);

        Assert.Equal("buffer ptr[inout, array[int64]]|bufferLength len[buffer]|flag bool8|size intptr", string.Join("|", call.Arguments.Select(a => $"{a.Name} {a.Type}")));
    }

    [Theory]
    [InlineData("ErrorHandling")]
    [InlineData("UserMemory")]
    [InlineData("CustomSyscall")]
    public void The_defines_are_the_slots_the_module_takes_when_loaded_first(string example)
    {
        ModuleArtifacts artifacts = TestCompiler.Example(example);
        SyzDescription description = SyzlangParser.Parse(Description(artifacts));
        BuiltModule module = UserlandHarness.Instance.Build(artifacts);
        string program = UserlandHarness.Instance.Program(module, System.IO.Path.Combine(Repository.Root, "tests", "KmodSharp.Compiler.Tests", "Userland", "Drivers", "slots.c"), "slots");

        ProcessOutcome run = ProcessRunner.Run(program, [module.SharedObject, .. artifacts.Model.Syscalls.Select(s => s.Name)]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Dictionary<string, string> slots = run.Stdout.Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToDictionary(p => p[0], p => p[1]);
        // Fixed numbers exactly; dynamic slots as a set: which syscall gets which follows the
        // module's SYSINIT (linker-set) order, declaration order with clang and reversed by GCC.
        foreach (SyscallModel syscall in artifacts.Model.Syscalls.Where(s => s.FixedNumber is not null))
        {
            Assert.Equal(slots[syscall.Name], description.Defines["SYS_" + syscall.Name]);
        }

        Assert.Equal(
            artifacts.Model.Syscalls.Select(s => slots[s.Name]).Order(),
            artifacts.Model.Syscalls.Select(s => description.Defines["SYS_" + s.Name]).Order());
    }

    [Fact]
    public void The_parser_rejects_what_the_grammar_does_not_allow()
    {
        Assert.Throws<System.FormatException>(() => SyzlangParser.Parse("mysyscall(value int32"));
        Assert.Throws<System.FormatException>(() => SyzlangParser.Parse("mysyscall(value nosuchtype)"));
        Assert.Throws<System.FormatException>(() => SyzlangParser.Parse("mysyscall(value ptr[in, int32)"));
    }

    private static string Description(ModuleArtifacts module) => module[module.ModuleName + ".syz.txt"].Text;
}
