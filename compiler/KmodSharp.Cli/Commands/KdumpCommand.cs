using System.Collections.Immutable;
using System.CommandLine;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Model;
using KmodSharp.Compiler.Tools.Kdump;

namespace KmodSharp.Cli.Commands;

/// <summary>
/// <c>kdump &lt;input&gt; [--from FILE] [--kldstat FILE] [--syscalls-master FILE] [--slot NAME=N]…</c>: kdump(1)'s text with the
/// module's syscalls by C# name and typed arguments. kdump names a loadable module's slot
/// <c>lkmnosys</c> and prints its arguments in hexadecimal; the slots come from the running kernel
/// (<c>kldstat -dv</c>), the command line, or the module's fixed numbers.
/// </summary>
internal static class KdumpCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        Argument<string[]> input = CommonOptions.Input();
        var from = new Option<string>("--from") { Description = "kdump's text (default: standard input)" };
        var slot = new Option<string[]>("--slot") { Description = "The slot a syscall has in the traced kernel, NAME=NUMBER (as modstat(2) reports it). Repeatable." };
        var kldstat = new Option<string>("--kldstat") { Description = "`kldstat -dv` of the traced kernel: each sys/NAME module's slot" };
        var master = new Option<string>("--syscalls-master") { Description = "The syscalls.master of a kernel with the syscalls built in (or the entries build --in-tree wrote): each one's number" };
        var command = new Command("kdump", "Decode kdump(1) output: the module's syscalls by name, with typed arguments and errno names") { input, from, slot, kldstat, master };
        command.SetAction(parsed =>
        {
            string? tracePath = parsed.GetValue(from);
            string? kldstatPath = parsed.GetValue(kldstat);
            string? masterPath = parsed.GetValue(master);
            foreach ((string option, string? path) in new[] { ("--from", tracePath), ("--kldstat", kldstatPath), ("--syscalls-master", masterPath) })
            {
                if (path is not null && path != "-" && !File.Exists(path))
                {
                    error.WriteLine($"kmodsharp: {option} '{path}': no such file");
                    return ExitCodes.Usage;
                }
            }

            // Diagnostics go to standard error: standard output is the decoded trace.
            var (result, _, exitCode) = CommonOptions.Compile(parsed.GetValue(input)!, CommonOptions.FromProject, null, error, error);
            if (result is null)
            {
                return exitCode;
            }

            ImmutableArray<SyscallModel> syscalls = [.. result.Modules.SelectMany(m => m.Model.Syscalls)];
            SyscallSlots slots;
            try
            {
                string? kldstatText = kldstatPath is null ? null : File.ReadAllText(kldstatPath);
                slots = SyscallSlots.Resolve(syscalls, parsed.GetValue(slot) ?? [], kldstatText, masterPath is null ? null : File.ReadAllText(masterPath));
                if (kldstatText is not null && !SyscallSlots.Kldstat(kldstatText).Any(m => syscalls.Any(s => s.Name == m.Name)))
                {
                    error.WriteLine($"kmodsharp: warning: {kldstatPath} lists none of {string.Join(", ", syscalls.Select(s => "sys/" + s.Name))}: was the module loaded when kldstat -dv ran?");
                }
            }
            catch (Exception e) when (e is InputException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine("kmodsharp: " + e.Message);
                return ExitCodes.Usage;
            }

            KdumpSummary summary;
            try
            {
                using TextReader trace = tracePath is null or "-" ? Console.In : File.OpenText(tracePath);
                summary = KdumpDecoder.Decode(trace, output, slots);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"kmodsharp: --from '{tracePath}': {e.Message}");
                return ExitCodes.Usage;
            }

            if (summary.Unattributed > 0)
            {
                string kernel = slots.KernelDynamicSlots.IsDefault ? "" : $"; the kernel used {string.Join(", ", slots.KernelDynamicSlots)}";
                error.WriteLine($"kmodsharp: warning: {summary.Unattributed} line(s) name '{SyscallSlots.DynamicName}' without a number, kept as kdump printed them: slots {SyscallSlots.FirstDynamic}-{SyscallSlots.LastDynamic} all print that name (the module's: {string.Join(", ", slots.DynamicSlots.Select(s => s.Number))}{kernel}); run kdump -S so each line says its slot");
            }

            if (summary.Assumed > 0)
            {
                error.WriteLine($"kmodsharp: warning: {summary.Assumed} line(s) name '{SyscallSlots.DynamicName}' without its number and were taken to be {slots.UnnumberedDynamicSlot!.Syscall.Name} (slot {slots.UnnumberedDynamicSlot.Number}); another module's syscall would look the same: run kdump -S, or pass --kldstat");
            }

            IEnumerable<string> unplaced = syscalls.Where(s => slots.Slots.All(p => p.Syscall != s)).Select(s => s.Name);
            if (summary.Decoded == 0 && unplaced.Any())
            {
                error.WriteLine($"kmodsharp: warning: no slot known for {string.Join(", ", unplaced)}: pass --kldstat FILE (kldstat -dv), --syscalls-master FILE (an in-tree kernel) or --slot NAME=N");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
