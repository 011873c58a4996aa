using System.Collections.Generic;
using System.Collections.Immutable;
using KmodSharp.Analyzers;
using KmodSharp.Compiler.Diagnostics;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Model;

namespace KmodSharp.Compiler.Tools.InTree;

/// <summary>
/// Gives each syscall of an in-tree build its number: the next free ones at the end of the
/// target's syscalls.master, in declaration order. A number the user fixed must be that one.
/// Without the source tree nothing says which numbers are free (a number below the end of the
/// table is another syscall's, or an lkmnosys slot), so an in-tree build needs it. A module with
/// load or unload hooks cannot be built in-tree: there is no module to load.
/// </summary>
public static class InTreePlanner
{
    public static ImmutableArray<BoundModule> Assign(ImmutableArray<BoundModule> modules, SyscallTable? table, List<KmsDiagnostic> diagnostics)
    {
        int next = table is null ? -1 : table.LastNumber + 1;
        var result = ImmutableArray.CreateBuilder<BoundModule>();
        foreach (BoundModule module in modules)
        {
            if (module.Model.Hooks.Any)
            {
                diagnostics.Add(new KmsDiagnostic(DiagnosticIds.InvalidModuleHook, KmsSeverity.Error,
                    "a syscall compiled into the kernel has no module to load or unload: [ModuleLoad]/[ModuleUnload]/[ModuleShutdown] need a loadable module",
                    module.Model.Location));
            }

            var syscalls = ImmutableArray.CreateBuilder<SyscallModel>();
            foreach (SyscallModel syscall in module.Model.Syscalls)
            {
                int? number = syscall.FixedNumber;
                if (table is null)
                {
                    diagnostics.Add(Error(syscall, $"syscall '{syscall.Name}' cannot be numbered: an in-tree build needs --freebsd-sysdir DIR, whose kern/syscalls.master says which number is free"));
                }
                else if (table is not null && number is not null && number != next)
                {
                    diagnostics.Add(Error(syscall, $"syscall '{syscall.Name}' asks for number {number}, but the next free number at the end of {table.Path} is {next}"));
                }

                syscalls.Add(syscall with { FixedNumber = number ?? (next >= 0 ? next : null) });
                next = next >= 0 ? next + 1 : next;
            }

            result.Add(module with { Model = module.Model with { Syscalls = syscalls.ToImmutable() } });
        }

        return result.ToImmutable();
    }

    private static KmsDiagnostic Error(SyscallModel syscall, string message) =>
        new(DiagnosticIds.FixedSyscallNumber, KmsSeverity.Error, message, syscall.Location);

    /// <summary>In-tree numbers are checked here, so the loadable-module warning about fixed numbers does not apply.</summary>
    public static bool IsLoadableModuleWarning(KmsDiagnostic diagnostic) =>
        diagnostic.Id == DiagnosticIds.FixedSyscallNumber && !diagnostic.IsError;
}
