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
}
