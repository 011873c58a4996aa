using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Tools.Kdump;
using Xunit;

namespace KmodSharp.Compiler.Tests.Kdump;

/// <summary>
/// <c>kmodsharp kdump</c> on output recorded from the real FreeBSD 13.2 kernel (RealKernel/Kdump/record.sh):
/// ten syscalls of five modules in every dynamic slot 13.2 has, traced by ktrace(2), printed by
/// FreeBSD's own kdump(1) and kldstat(8).
/// </summary>
public sealed class KdumpRecordingTests
{
    private static readonly KdumpRecording Recording = KdumpRecording.Read(KdumpRecording.Committed);

    public static TheoryData<string> NumberedFormats => ["kdump-S.txt", "kdump-S-d.txt", "kdump-n-H-T-A-S.txt"];

    [Theory]
    [MemberData(nameof(NumberedFormats))]
    public void With_kdump_S_and_kldstat_every_call_shows_by_name_with_the_values_the_program_passed(string trace)
    {
        SyscallSlots slots = SyscallSlots.Resolve(KdumpRecording.Syscalls, [], Recording.Text("kldstat-dv.txt"));

        KdumpAssert.ShowsEveryCall(Recording.Text(trace), Recording.Calls, slots);
    }

    [Fact]
    public void The_slots_kldstat_prints_are_the_ones_modstat_gave_the_program()
    {
        ImmutableDictionary<string, int> fromKldstat = SyscallSlots.Kldstat(Recording.Text("kldstat-dv.txt"))
            .Where(m => KdumpRecording.Syscalls.Any(s => s.Name == m.Name)).ToImmutableDictionary(m => m.Name, m => m.Slot);

        Assert.Equal(10, Recording.Slots.Count);
        Assert.Equal(Recording.Slots.OrderBy(p => p.Key), fromKldstat.OrderBy(p => p.Key));
        Assert.Equal(Enumerable.Range(SyscallSlots.FirstDynamic, 10), Recording.Slots.Values.Order());
    }

    [Fact]
    public void Slots_given_on_the_command_line_decode_the_same()
    {
        SyscallSlots slots = SyscallSlots.Resolve(KdumpRecording.Syscalls, [.. Recording.Slots.Select(p => $"{p.Key}={p.Value}")], null);

        KdumpAssert.ShowsEveryCall(Recording.Text("kdump-S.txt"), Recording.Calls, slots);
    }

    [Fact]
    public void Without_kdump_S_ten_lkmnosys_slots_cannot_be_told_apart_and_the_trace_stays_as_kdump_printed_it()
    {
        string trace = Recording.Text("kdump.txt");
        SyscallSlots slots = SyscallSlots.Resolve(KdumpRecording.Syscalls, [], Recording.Text("kldstat-dv.txt"));

        (string[] lines, KdumpSummary summary) = KdumpAssert.Decode(trace, slots);

        Assert.Equal(trace.Split('\n')[..^1], lines);
        Assert.Equal(0, summary.Decoded);
        Assert.Equal(Recording.Calls.Length * 2, summary.Unattributed);
    }

    [Fact]
    public void Without_kdump_S_one_module_alone_in_the_dynamic_slots_decodes_as_in_the_tutorial()
    {
        SyscallSlots slots = SyscallSlots.Resolve([.. KdumpRecording.Syscalls.Where(s => s.Name == "mysyscall")], [], Recording.Text("alone-kldstat-dv.txt"));

        Assert.Equal([Recording.Slots["mysyscall"]], slots.KernelDynamicSlots.ToArray());
        KdumpAssert.ShowsEveryCall(Recording.Text("alone-kdump.txt"), Recording.AloneCalls, slots);
        Assert.False(slots.UnnumberedIsAssumed);
    }

    [Fact]
    public void A_module_alone_in_the_dynamic_slots_by_its_slot_option_is_decoded_as_assumed()
    {
        SyscallSlots slots = SyscallSlots.Resolve([.. KdumpRecording.Syscalls.Where(s => s.Name == "mysyscall")], [$"mysyscall={Recording.Slots["mysyscall"]}"], null);

        (_, KdumpSummary summary) = KdumpAssert.Decode(Recording.Text("alone-kdump.txt"), slots);

        Assert.Equal((1, 1, 2), (summary.Calls, summary.Returns, summary.Assumed));
    }

    [Fact]
    public void With_the_whole_kernel_busy_one_module_s_unnumbered_lines_are_not_claimed()
    {
        // mysyscall alone as input, but kldstat shows nine other dynamic slots in use: an lkmnosys line could be any.
        SyscallSlots slots = SyscallSlots.Resolve([.. KdumpRecording.Syscalls.Where(s => s.Name == "mysyscall")], [], Recording.Text("kldstat-dv.txt"));

        (_, KdumpSummary summary) = KdumpAssert.Decode(Recording.Text("kdump.txt"), slots);

        Assert.Equal(0, summary.Decoded);
        Assert.Null(slots.UnnumberedDynamicSlot);
    }
}
