using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Model;

namespace KmodSharp.Compiler.Tools.Kdump;

/// <summary>Where a syscall's slot number came from, for the messages.</summary>
public enum SlotSource
{
    /// <summary><c>[Syscall(Number = N)]</c>: the module asks for it (and in-tree builds fix it).</summary>
    Fixed,

    /// <summary>Read from <c>syscalls.master</c>: the number an in-tree build gave it.</summary>
    SyscallsMaster,

    /// <summary>Read from <c>kldstat -dv</c>: the slot the kernel gave the loaded module.</summary>
    Kldstat,

    /// <summary><c>--slot NAME=N</c>.</summary>
    Option,
}

/// <summary>A syscall of the module at a slot of the running kernel's table.</summary>
public sealed record SyscallSlot(int Number, SyscallModel Syscall, SlotSource Source);

/// <summary>
/// Which slot each of the module's syscalls has in the traced kernel. A loadable module's syscall
/// without a fixed number gets the first free dynamic slot when it loads (<c>kern_syscall_register</c>
/// in sys/kern/kern_syscalls.c), so only the running kernel knows it: <c>kldstat -dv</c> prints it as
/// the first data value of the module <c>sys/&lt;name&gt;</c>, and modfind(2)/modstat(2) return it.
/// </summary>
public sealed partial record SyscallSlots(ImmutableArray<SyscallModel> Syscalls, ImmutableArray<SyscallSlot> Slots)
{
    /// <summary>The dynamic slots in use by any module when <c>kldstat -dv</c> ran; default when not given.</summary>
    public ImmutableArray<int> KernelDynamicSlots { get; init; }

    /// <summary>
    /// The slots FreeBSD reserves for loadable syscalls (210-219, <c>lkmnosys</c> in
    /// sys/kern/syscalls.master): kdump names every one of them <c>lkmnosys</c>, so without <c>-S</c>
    /// a line says which only when one of the module's slots is among them.
    /// </summary>
    public const int FirstDynamic = 210;

    public const int LastDynamic = 219;

    public const string DynamicName = "lkmnosys";

    /// <summary>
    /// The slots, by priority: <c>--slot</c>, then <c>kldstat -dv</c>, then <c>syscalls.master</c> (the kernel's
    /// table, or the entries <c>build --in-tree</c> wrote), then the fixed numbers.
    /// A slot option naming no syscall of the module, or two syscalls at one slot, is an <see cref="InputException"/>.
    /// </summary>
    public static SyscallSlots Resolve(ImmutableArray<SyscallModel> syscalls, IEnumerable<string> slotOptions, string? kldstatText, string? syscallsMasterText = null)
    {
        var slots = new Dictionary<string, SyscallSlot>(StringComparer.Ordinal);
        foreach (SyscallModel syscall in syscalls.Where(s => s.FixedNumber is not null))
        {
            slots[syscall.Name] = new SyscallSlot(syscall.FixedNumber!.Value, syscall, SlotSource.Fixed);
        }

        if (syscallsMasterText is not null)
        {
            foreach ((string name, int number) in SyscallsMaster(syscallsMasterText))
            {
                if (syscalls.FirstOrDefault(s => s.Name == name) is { } syscall)
                {
                    slots[name] = new SyscallSlot(number, syscall, SlotSource.SyscallsMaster);
                }
            }
        }

        if (kldstatText is not null)
        {
            foreach ((string name, int number) in Kldstat(kldstatText))
            {
                if (syscalls.FirstOrDefault(s => s.Name == name) is { } syscall)
                {
                    slots[name] = new SyscallSlot(number, syscall, SlotSource.Kldstat);
                }
            }
        }

        foreach (string option in slotOptions)
        {
            (string name, int number) = ParseOption(option);
            SyscallModel syscall = syscalls.FirstOrDefault(s => s.Name == name)
                ?? throw new InputException($"--slot {option}: the module has no syscall '{name}' (it has {string.Join(", ", syscalls.Select(s => s.Name))})");
            slots[name] = new SyscallSlot(number, syscall, SlotSource.Option);
        }

        if (slots.Values.GroupBy(s => s.Number).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new InputException($"slot {clash.Key} is given to {string.Join(" and ", clash.Select(s => $"'{s.Syscall.Name}' ({Describe(s.Source)})"))}; one slot holds one syscall");
        }

        return new SyscallSlots(syscalls, [.. slots.Values.OrderBy(s => s.Number)])
        {
            KernelDynamicSlots = kldstatText is null ? default : [.. Kldstat(kldstatText).Select(m => m.Slot).Where(IsDynamic).Distinct().Order()],
        };
    }

    /// <summary>The module's syscall a kdump line names, or null when the line is about another or cannot say which.</summary>
    public SyscallModel? Find(KdumpSyscallName name)
    {
        if (name.Number is { } number && Slots.FirstOrDefault(s => s.Number == number) is { } numbered)
        {
            return numbered.Syscall;
        }

        // A kernel built with the module's syscalls in its table (an in-tree build) and a kdump of that
        // tree print the syscall's own name.
        if (Syscalls.FirstOrDefault(s => s.Name == name.TableName) is { } own)
        {
            return own;
        }

        return name is { Number: null, TableName: DynamicName } && UnnumberedDynamicSlot is { } slot ? slot.Syscall : null;
    }

    /// <summary>The module's slots that kdump names <c>lkmnosys</c> without telling them apart.</summary>
    public ImmutableArray<SyscallSlot> DynamicSlots => [.. Slots.Where(s => IsDynamic(s.Number))];

    /// <summary>
    /// The slot a <c>lkmnosys</c> line without a number is: the module's only dynamic slot, when
    /// <c>kldstat -dv</c> shows no other module in that range or was not given (then it is assumed, see
    /// <see cref="UnnumberedIsAssumed"/>); null when the line could be another slot's.
    /// </summary>
    public SyscallSlot? UnnumberedDynamicSlot => DynamicSlots is [var only] && (KernelDynamicSlots.IsDefault || KernelDynamicSlots is [var used] && used == only.Number) ? only : null;

    /// <summary>Whether <see cref="UnnumberedDynamicSlot"/> rests on no kldstat: another module's syscall would look the same.</summary>
    public bool UnnumberedIsAssumed => UnnumberedDynamicSlot is not null && KernelDynamicSlots.IsDefault;

    private static bool IsDynamic(int number) => number is >= FirstDynamic and <= LastDynamic;

    /// <summary>
    /// <c>kldstat -dv</c>'s module lines (sbin/kldstat/kldstat.c <c>printmod</c>: "\t\t%3d %s (%d, %u, 0x%lx)"):
    /// each syscall module <c>sys/NAME</c> with the slot its data holds.
    /// </summary>
    public static IEnumerable<(string Name, int Slot)> Kldstat(string text)
    {
        foreach (Match match in KldstatModule().Matches(text))
        {
            yield return (match.Groups["name"].Value, int.Parse(match.Groups["slot"].Value, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// The entries of a <c>syscalls.master</c> (sys/kern/syscalls.master's format: number, audit event,
    /// type, then the prototype in braces, over one line or several): each function's name and number.
    /// </summary>
    public static IEnumerable<(string Name, int Number)> SyscallsMaster(string text)
    {
        foreach (Match match in SyscallsMasterEntry().Matches(text))
        {
            yield return (match.Groups["name"].Value, int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture));
        }
    }

    private static (string Name, int Number) ParseOption(string option)
    {
        int equals = option.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || !int.TryParse(option.AsSpan(equals + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            throw new InputException($"--slot takes NAME=NUMBER (e.g. --slot mysyscall=210), not '{option}'");
        }

        return (option[..equals], number);
    }

    private static string Describe(SlotSource source) => source switch
    {
        SlotSource.Fixed => "its [Syscall(Number)]",
        SlotSource.Kldstat => "kldstat",
        SlotSource.SyscallsMaster => "syscalls.master",
        _ => "--slot",
    };

    [GeneratedRegex(@"^(?<number>\d+)\s+AUE_\w+\s+[\w|]+\s*\{[^{}(]*?(?<name>\w+)\s*\(", RegexOptions.Multiline)]
    private static partial Regex SyscallsMasterEntry();

    [GeneratedRegex(@"^\s+\d+ sys/(?<name>\S+) \((?<slot>-?\d+), \d+, 0x[0-9a-f]+\)\s*$", RegexOptions.Multiline)]
    private static partial Regex KldstatModule();
}
