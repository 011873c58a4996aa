using System.IO;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Compiler.Pipeline.Model;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.EndToEnd;

/// <summary>
/// <c>build --in-tree</c>: the seed's "method 2", a syscall compiled into the kernel at the next
/// number of syscalls.master, as FreeBSD's own syscalls are.
/// </summary>
public sealed class InTreeTests : System.IDisposable
{
    private const string Source = """
        using System;
        using KmodSharp;

        [KernelModule("mycustom")]
        public static class InTreeCustom
        {
            [Syscall(Name = "my_custom_syscall", CapabilityMode = true)]
            public static SyscallResult<int> Custom(int value, UserString message)
            {
                Span<byte> text = stackalloc byte[256];
                Errno error = Kernel.CopyInString(message, text, out nuint length);
                if (error != Errno.None)
                {
                    return error;
                }

                return value * 3;
            }
        }
        """;

    private readonly string sysdir = Directory.CreateTempSubdirectory("kmodsharp-sys-").FullName;

    public InTreeTests()
    {
        // A syscalls.master in the current format, ending at 602 like FreeBSD 15's.
        Directory.CreateDirectory(Path.Combine(sysdir, "kern"));
        File.WriteAllText(Path.Combine(sysdir, "kern", "syscalls.master"), """
            ; comment
            0	AUE_NULL	SYSMUX {
            		int syscall(
            		    int number,
            		    ...
            		);
            	}
            210	AUE_NULL	NODEF|NOTSTATIC	lkmnosys lkmnosys nosys_args int
            602	AUE_RENAMEAT	STD|CAPENABLED {
            		int renameat2(
            		    int flags
            		);
            	}
            ; vim: syntax=off
            """);
    }

    public void Dispose() => Directory.Delete(sysdir, recursive: true);

    [Fact]
    public void Takes_the_next_number_and_writes_the_master_entry_and_files_line()
    {
        ModuleArtifacts module = Compile();

        Assert.Equal(["sys_mycustom.c", "syscalls.master", "files", "mycustom.h", "libmycustom.c", "test_mycustom.c", "mycustom.syz.txt", "mycustom.syz.txt.const"], module.Files.Select(f => f.FileName));
        string master = module["syscalls.master"].Text;
        Assert.Contains("603\tAUE_NULL\tSTD|CAPENABLED {\n\t\tint my_custom_syscall(\n\t\t    int value,\n\t\t    _In_z_ const char *message\n\t\t);\n\t}\n", master);
        Assert.Equal("kern/sys_mycustom.c\t\tstandard\n", module["files"].Text);
        string c = module["sys_mycustom.c"].Text;
        Assert.Contains("int\nsys_my_custom_syscall(struct thread *td, struct my_custom_syscall_args *uap)\n", c);
        Assert.DoesNotContain("SYSCALL_MODULE", c);
        Assert.DoesNotContain("struct my_custom_syscall_args {", c);
    }

    [Fact]
    public void A_fixed_number_that_is_not_the_next_free_one_is_an_error()
    {
        string source = Source.Replace("CapabilityMode = true", "Number = 600", System.StringComparison.Ordinal);
        CompileResult result = KmodCompiler.Compile(new SourceInput([new SourceFile("/tmp/InTree.cs", source)], "/tmp"), new LoweringOptions(InTree: true), sysdir);

        Assert.True(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Id == "KMS0406" && d.Message.Contains("next free number", System.StringComparison.Ordinal) && d.Message.Contains("603", System.StringComparison.Ordinal));
    }

    [Fact]
    public void The_userland_library_calls_the_number_the_build_gave_and_finds_no_module()
    {
        ModuleArtifacts module = Compile();
        string library = module["libmycustom.c"].Text;

        Assert.Contains("#include <sys/syscall.h>", library);
        Assert.Contains("#if !defined(SYS_my_custom_syscall)\n#define\tSYS_my_custom_syscall\t603\n#else\n_Static_assert(SYS_my_custom_syscall == 603,", library);
        Assert.Contains("syscall(SYS_my_custom_syscall, value, message)", library);
        Assert.DoesNotContain("modfind", library);
        Assert.DoesNotContain("modfind", module["mycustom.h"].Text);
        Assert.DoesNotContain("kldload", module["test_mycustom.c"].Text);
        // The description's call is prefixed with the module (syzkaller's one namespace); its number is the table's.
        Assert.Equal(603ul, Userland.SyzlangParser.ParseConstFile(module["mycustom.syz.txt.const"].Text).Values["SYS_mycustom_my_custom_syscall"]);
        Assert.DoesNotContain("WARNING", module["mycustom.syz.txt"].Text);
    }

    [Theory]
    [InlineData(603, true)]
    [InlineData(599, false)]
    public void The_library_and_test_program_compile_with_the_C_library_and_a_header_that_must_agree(int headerNumber, bool compiles)
    {
        // A <sys/syscall.h> regenerated by make sysent says 603; one that disagrees with the kernel built must not compile.
        ModuleArtifacts module = Compile();
        string work = Directory.CreateTempSubdirectory("kmodsharp-intree-user-").FullName;
        try
        {
            foreach (string file in new[] { "mycustom.h", "libmycustom.c", "test_mycustom.c" })
            {
                File.WriteAllText(Path.Combine(work, file), module[file].Text);
            }

            string header = Path.Combine(work, "syscall_number.h");
            File.WriteAllText(header, $"#define SYS_my_custom_syscall {headerNumber}\n");
            ProcessOutcome outcome = ProcessRunner.Run("cc", ["-std=c11", "-D_DEFAULT_SOURCE", "-Wall", "-Werror", "-include", header, "-o", Path.Combine(work, "test_mycustom"),
                Path.Combine(work, "test_mycustom.c"), Path.Combine(work, "libmycustom.c")]);

            Assert.True((outcome.ExitCode == 0) == compiles, outcome.Stderr);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void Without_the_source_tree_a_number_cannot_be_checked_and_nothing_is_built()
    {
        // 210 is an lkmnosys slot in every syscalls.master: without the table nothing can tell.
        string source = Source.Replace("CapabilityMode = true", "Number = 210", System.StringComparison.Ordinal);
        CompileResult result = KmodCompiler.Compile(new SourceInput([new SourceFile("/tmp/InTree.cs", source)], "/tmp"), new LoweringOptions(InTree: true));

        Assert.Contains(result.Diagnostics, d => d.Id == "KMS0406" && d.IsError && d.Message.Contains("--freebsd-sysdir", System.StringComparison.Ordinal));
        Assert.Empty(result.Modules);
    }

    [Fact]
    public void The_kernel_source_compiles_against_the_sysproto_declarations_make_sysent_would_write()
    {
        ModuleArtifacts module = Compile();
        string work = Directory.CreateTempSubdirectory("kmodsharp-intree-").FullName;
        try
        {
            // What make sysent adds to sys/sysproto.h for this entry: the padded args struct and the prototype.
            SyscallModel syscall = module.Model.Syscalls.Single();
            var sysproto = new CTranslationUnit("sysproto_fragment.h",
            [
                new CInclude("sys/param.h"),
                .. SyscallAbi.PaddingMacros(),
                SyscallAbi.ArgsStruct(module.Model, syscall, inTree: true),
            ]);
            string header = Path.Combine(work, "sysproto_fragment.h");
            File.WriteAllText(header, CPrinter.Print(sysproto, lineDirectives: false)
                + "struct thread;\nint\tsys_my_custom_syscall(struct thread *, struct my_custom_syscall_args *);\n");
            string source = Path.Combine(work, "sys_mycustom.c");
            File.WriteAllText(source, module["sys_mycustom.c"].Text);
            HostToolchain toolchain = HostToolchain.Default();

            ProcessOutcome outcome = ProcessRunner.Run(toolchain.Compiler, [.. toolchain.ModuleFlags, "-include", header, "-c", source, "-o", Path.Combine(work, "sys_mycustom.o")]);

            Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private ModuleArtifacts Compile()
    {
        CompileResult result = KmodCompiler.Compile(new SourceInput([new SourceFile("/tmp/InTree.cs", Source)], "/tmp"), new LoweringOptions(InTree: true), sysdir);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return Assert.Single(result.Modules);
    }
}
