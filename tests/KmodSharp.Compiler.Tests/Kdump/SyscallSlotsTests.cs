using System.Linq;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Model;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Kdump;
using Xunit;

namespace KmodSharp.Compiler.Tests.Kdump;

/// <summary>Where the slots come from, and the mistakes a user can make giving them.</summary>
public sealed class SyscallSlotsTests
{
    private static readonly System.Collections.Immutable.ImmutableArray<SyscallModel> Errors = TestCompiler.Example("ErrorHandling").Model.Syscalls;

    [Theory]
    [InlineData("errors_divide", "NAME=NUMBER")]
    [InlineData("nope=210", "has no syscall 'nope' (it has errors_divide, errors_privileged, errors_allocate)")]
    [InlineData("errors_divide=-1", "NAME=NUMBER")]
    [InlineData("errors_divide=0x d2", "NAME=NUMBER")]
    public void A_bad_slot_option_is_an_input_error_naming_it(string option, string message)
    {
        InputException e = Assert.Throws<InputException>(() => SyscallSlots.Resolve(Errors, [option], null));

        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Two_syscalls_at_one_slot_are_refused()
    {
        InputException e = Assert.Throws<InputException>(() => SyscallSlots.Resolve(Errors, ["errors_divide=210", "errors_allocate=210"], null));

        Assert.Contains("slot 210", e.Message);
    }

    [Fact]
    public void A_slot_option_overrides_kldstat_and_a_fixed_number_is_used_without_either()
    {
        SyscallModel custom = TestCompiler.Module("""
            using KmodSharp;

            [KernelModule("pinned")]
            public static class Pinned
            {
                [Syscall(Number = 213)]
                public static int my_custom_syscall(int value) => value;
            }
            """).Model.Syscalls.Single();
        const string Kldstat = "\t\t187 sys/errors_divide (210, 210, 0xffffffff000000d2)\n\t\t188 sys/errors_allocate (211, 211, 0xffffffff000000d3)\n";

        SyscallSlots slots = SyscallSlots.Resolve([.. Errors, custom], ["errors_allocate=215"], Kldstat);

        Assert.Equal(
            [("errors_divide", 210, SlotSource.Kldstat), ("errors_allocate", 215, SlotSource.Option), ("my_custom_syscall", 213, SlotSource.Fixed)],
            slots.Slots.OrderBy(s => s.Syscall.Name == "my_custom_syscall").ThenBy(s => s.Number).Select(s => (s.Syscall.Name, s.Number, s.Source)));
    }

    [Fact]
    public void An_in_tree_kernel_s_kdump_prints_the_syscall_s_own_name_which_needs_no_slot()
    {
        SyscallSlots slots = SyscallSlots.Resolve(Errors, [], null);

        Assert.Equal("errors_divide", slots.Find(new KdumpSyscallName("errors_divide", 583))?.Name);
        Assert.Equal("errors_divide", slots.Find(new KdumpSyscallName("errors_divide", null))?.Name);
        Assert.Null(slots.Find(new KdumpSyscallName("lkmnosys", 210)));
        Assert.Null(slots.Find(new KdumpSyscallName("lkmnosys", null)));
    }

    [Fact]
    public void An_in_tree_build_s_syscalls_master_entries_give_the_numbers_and_decode_kdump_s_unnamed_slot()
    {
        // A tree whose table ends at 582 (13.2's swapoff, in its own layout).
        string sysdir = System.IO.Directory.CreateTempSubdirectory("kmodsharp-sysdir-").FullName;
        try
        {
            System.IO.Directory.CreateDirectory(System.IO.Path.Combine(sysdir, "kern"));
            System.IO.File.WriteAllText(System.IO.Path.Combine(sysdir, "kern", "syscalls.master"), "582\tAUE_SWAPOFF\tSTD {\n\t\tint swapoff(\n\t\t    _In_z_ const char *name\n\t\t);\n\t}\n");
            var result = KmodCompiler.Compile(InputLoader.Load([Repository.Example("TwoValues")]), new Pipeline.Lowering.LoweringOptions(InTree: true), sysdir);
            Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
            Pipeline.Emit.ModuleArtifacts module = Assert.Single(result.Modules);
            string entries = module["syscalls.master"].Text;
            SyscallModel loadable = TestCompiler.Example("TwoValues").Model.Syscalls.Single();

            SyscallSlots slots = SyscallSlots.Resolve([loadable], [], null, entries);

            Assert.Equal([("two_values", 583, SlotSource.SyscallsMaster)], slots.Slots.Select(s => (s.Syscall.Name, s.Number, s.Source)));
            (string[] lines, _) = KdumpAssert.Decode("  1234 test_twovalues CALL  [583](0x2a)\n  1234 test_twovalues RET   [583] 142/0x8e\n", slots);
            Assert.Equal(["  1234 test_twovalues CALL  two_values(base: 42)", "  1234 test_twovalues RET   two_values (142, ?)"], lines);
        }
        finally
        {
            System.IO.Directory.Delete(sysdir, recursive: true);
        }
    }
}
