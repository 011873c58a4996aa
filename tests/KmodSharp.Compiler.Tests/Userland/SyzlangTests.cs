using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Emit.Userland;
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
    [InlineData("CustomSyscall", "mycustom_my_custom_syscall", "value int32|message ptr[in, string]")]
    [InlineData("UserMemory", "usermem_multiply", "request ptr[in, usermem_request]|reply ptr[out, usermem_reply]")]
    [InlineData("UserMemory", "usermem_strlen", "text ptr[in, string]")]
    [InlineData("UserMemory", "usermem_bump", "address ptr[inout, int8]")]
    [InlineData("TwoValues", "twovalues_two_values", "base int64")]
    [InlineData("Capsicum", "capsicum_cap_whoami", "")]
    [InlineData("Counter", "counter_add", "value int32")]
    [InlineData("FrameReader", "framereader_frame_summarize", "frame ptr[in, framereader_frame_header]|summary ptr[out, framereader_frame_summary]")]
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

        Assert.Equal(["Product int64", "Calls int32", "Checksum int32"], description.Structs["usermem_reply"].Select(f => $"{f.Name} {f.Type}"));
        Assert.Equal(["Operand int32", "Factor int32"], description.Structs["usermem_request"].Select(f => $"{f.Name} {f.Type}"));
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
        IReadOnlyDictionary<SyscallModel, string> names = SyzlangDescription.CallNames(artifacts.Model);
        BuiltModule module = UserlandHarness.Instance.Build(artifacts);
        string program = UserlandHarness.Instance.Program(module, System.IO.Path.Combine(Repository.Root, "tests", "KmodSharp.Compiler.Tests", "Userland", "Drivers", "slots.c"), "slots");

        ProcessOutcome run = ProcessRunner.Run(program, [module.SharedObject, .. artifacts.Model.Syscalls.Select(s => s.Name)]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Dictionary<string, string> slots = run.Stdout.Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToDictionary(p => p[0], p => p[1]);
        // Fixed numbers exactly; dynamic slots as a set: which syscall gets which follows the
        // module's SYSINIT (linker-set) order, declaration order with clang and reversed by GCC.
        foreach (SyscallModel syscall in artifacts.Model.Syscalls.Where(s => s.FixedNumber is not null))
        {
            Assert.Equal(slots[syscall.Name], description.Defines["SYS_" + names[syscall]]);
        }

        Assert.Equal(
            artifacts.Model.Syscalls.Select(s => slots[s.Name]).Order(),
            artifacts.Model.Syscalls.Select(s => description.Defines["SYS_" + names[s]]).Order());
    }

    [Theory]
    [InlineData("MySyscall")]
    [InlineData("UserMemory")]
    [InlineData("CustomSyscall")]
    [InlineData("FrameReader")]
    public void The_const_file_holds_every_define_for_every_FreeBSD_arch(string example)
    {
        ModuleArtifacts artifacts = TestCompiler.Example(example);
        SyzDescription description = SyzlangParser.Parse(Description(artifacts));
        (ImmutableArray<string> arches, ImmutableDictionary<string, ulong> values) = SyzlangParser.ParseConstFile(artifacts[artifacts.ModuleName + ".syz.txt.const"].Text);

        // syz-sysgen compiles a call only for the arches whose .const defines its SYS_ number.
        Assert.Equal("386, amd64, arm64, riscv64", string.Join(", ", arches));
        Assert.Equal(description.Defines.Keys.Order(), values.Keys.Order());
        foreach ((string name, string value) in description.Defines)
        {
            Assert.Equal(unchecked((ulong)long.Parse(value, CultureInfo.InvariantCulture)), values[name]);
        }

        Assert.All(SyzlangDescription.CallNames(artifacts.Model).Values, name => Assert.Contains("SYS_" + name, values.Keys));
    }

    [Fact]
    public void Enums_are_flags_of_their_members_with_their_values()
    {
        ModuleArtifacts module = TestCompiler.Module("""
            using KmodSharp;

            public enum Mode : short { Read = 1, Write = 2, Sync = -1 }
            public struct Request { public Mode Mode; public int Value; }

            [KernelModule("modes")]
            public static class Modes
            {
                [Syscall(Number = 211)]
                public static int Apply(Mode mode, UserPtr<Request> request)
                {
                    Errno e = Kernel.CopyIn(request, out Request r);
                    return e != Errno.None ? -1 : (int)mode + (int)r.Mode;
                }
            }
            """, "Modes.cs");
        SyzDescription description = SyzlangParser.Parse(Description(module));
        ImmutableDictionary<string, ulong> values = SyzlangParser.ParseConstFile(module["modes.syz.txt.const"].Text).Values;

        SyzSyscall call = Assert.Single(description.Syscalls);
        Assert.Equal("flags[modes_Mode]", call.Arguments[0].Type.ToString());
        Assert.Equal("flags[modes_Mode, int16]", description.Structs["modes_request"][0].Type.ToString());
        Assert.Equal("modes_Mode_Read, modes_Mode_Write, modes_Mode_Sync", string.Join(", ", description.Flags["modes_Mode"]));
        Assert.Equal((1ul, 2ul, ulong.MaxValue), (values["modes_Mode_Read"], values["modes_Mode_Write"], values["modes_Mode_Sync"]));
        Assert.Equal(211ul, values["SYS_" + call.Name]);

        // A pinned number holds whatever else is loaded: no warning about dynamic slots.
        Assert.DoesNotContain("WARNING", Description(module), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UserMemory")]
    [InlineData("FrameReader")]
    [InlineData("ErrorHandling")]
    public void Structs_are_laid_out_as_syz_fmt_writes_them(string example)
    {
        // syz-fmt (pkg/ast/format.go) starts every field type of a struct at one column (tabs of 8), the
        // first tab stop past the longest field name.
        string text = Description(TestCompiler.Example(example));
        foreach (string[] fields in StructBodies(text))
        {
            int longest = fields.Max(f => f.Split('\t', 3)[1].Length);
            int column = 8 + ((longest + 8) / 8 * 8);
            Assert.All(fields, f => Assert.Equal(column, VisualColumnOfType(f)));
        }
    }

    [Fact]
    public void Keywords_and_names_syz_sysgen_reserves_get_an_underscore_and_len_follows_them()
    {
        ModuleArtifacts module = TestCompiler.Module("""
            using KmodSharp;

            public struct Node { public int parent; public int syscall; public int resource; public int include; }

            [KernelModule("family")]
            public static class Family
            {
                [Syscall]
                public static int Adopt(UserPtr<Node> parent, int parentCount, int syscall, int define, int incdir)
                {
                    Errno e = Kernel.CopyIn(parent, out Node n);
                    return e != Errno.None ? -1 : n.parent + parentCount + syscall + define + incdir;
                }
            }
            """, "Family.cs");
        SyzDescription description = SyzlangParser.Parse(Description(module));

        Assert.Equal(["parent_", "syscall_", "resource_", "include_"], description.Structs["family_node"].Select(f => f.Item1));
        Assert.Equal(
            "parent_ ptr[in, array[family_node]]|parentCount len[parent_]|syscall_ int32|define_ int32|incdir_ int32",
            string.Join("|", Assert.Single(description.Syscalls).Arguments.Select(a => $"{a.Name} {a.Type}")));
    }

    [Fact]
    public void Two_modules_with_a_syscall_of_the_same_name_describe_different_calls_and_constants()
    {
        // All of sys/freebsd is one namespace: syz-sysgen rejects a call declared twice and one SYS_ with two values.
        SyzDescription[] descriptions = [.. new[] { "alpha", "beta" }.Select(name => SyzlangParser.Parse(Description(TestCompiler.Module($$"""
            using KmodSharp;

            [KernelModule("{{name}}")]
            public static class M
            {
                [Syscall] public static int Reset(int value) => value;
                [Syscall(Name = "{{name}}_reset")] public static int ResetAgain(int value) => value;
            }
            """, "M.cs"))))];

        Assert.Equal(["alpha_reset", "alpha_reset_2"], descriptions[0].Syscalls.Select(s => s.Name));
        Assert.Empty(descriptions[0].Syscalls.Select(s => s.Name).Intersect(descriptions[1].Syscalls.Select(s => s.Name)));
        Assert.Empty(descriptions[0].Defines.Keys.Intersect(descriptions[1].Defines.Keys));
    }

    [Fact]
    public void A_description_with_dynamic_slots_says_how_to_check_them()
    {
        string text = Description(TestCompiler.Example("UserMemory"));
        Assert.Contains("WARNING: dynamic slots", text, System.StringComparison.Ordinal);
        Assert.Contains("kldstat -dv", text, System.StringComparison.Ordinal);
    }

    private static IEnumerable<string[]> StructBodies(string text)
    {
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].EndsWith(" {", System.StringComparison.Ordinal))
            {
                int end = System.Array.FindIndex(lines, i, l => l.StartsWith('}'));
                yield return lines[(i + 1)..end];
                i = end;
            }
        }
    }

    // "\tname\t…\ttype": the column where the type starts, tabs expanded to stops of eight.
    private static int VisualColumnOfType(string field)
    {
        int column = 0;
        bool inName = false;
        bool afterName = false;
        foreach (char c in field)
        {
            if (c == '\t')
            {
                column = ((column / 8) + 1) * 8;
                afterName = inName;
            }
            else if (afterName)
            {
                return column;
            }
            else
            {
                inName = true;
                column++;
            }
        }

        return column;
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
