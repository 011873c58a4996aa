using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace KmodSharp.Compiler.Tests.Verification.Fidelity;

/// <summary>
/// A declaration our headers give as FreeBSD 15 has it, which an older FreeBSD declares otherwise.
/// </summary>
/// <param name="Kind">What kind of declaration differs.</param>
/// <param name="Declaration">
/// The declaration, as <see cref="FidelityDifference.Name"/> spells it. For a struct
/// (<c>struct sysctl_oid</c>) it covers the struct and every one of its fields; a field
/// (<c>struct ucred.cr_ref</c>) covers only that field.
/// </param>
/// <param name="Reason">What changed between the versions, checked in both trees.</param>
public sealed record ExpectedVersionDifference(FidelityKind Kind, string Declaration, string Reason)
{
    /// <summary>Whether <paramref name="difference"/> is about this declaration.</summary>
    public bool Covers(FidelityDifference difference)
    {
        ArgumentNullException.ThrowIfNull(difference);
        return difference.Kind == Kind
            && (difference.Name == Declaration
                || (Kind == FidelityKind.Record && difference.Name.StartsWith(Declaration + ".", StringComparison.Ordinal)));
    }
}

/// <summary>A difference from an older FreeBSD tree that our headers have by design, and why.</summary>
public sealed record ExpectedFidelityDifference(FidelityDifference Difference, string Reason)
{
    public override string ToString() => $"{Difference} (expected: {Reason})";
}

/// <summary>
/// The differences our headers have, by design, from a FreeBSD older than the one they model.
/// </summary>
/// <remarks>
/// The host harness headers declare FreeBSD 15's kernel API. Compared with an older tree (13.2),
/// what FreeBSD changed since then shows up as differences; the ones listed here are reported as
/// expected version differences and do not make the headers differ, but only when the tree's
/// <c>__FreeBSD_version</c> is below <see cref="ModelledVersion"/>. Against FreeBSD 15 every
/// difference counts, and anything not listed here counts against any tree.
/// Each entry was checked in both trees (13.2: 1302001; 15: 1501502).
/// </remarks>
public static class ExpectedVersionDifferences
{
    /// <summary>The first <c>__FreeBSD_version</c> of the release our headers model (15.0).</summary>
    public const int ModelledVersion = 1500000;

    private const string VersionStamp = "a version stamp: ours is FreeBSD 15's";

    private const string NewPrivilege = "a privilege FreeBSD added after 13.2 (sys/priv.h)";

    public static ImmutableArray<ExpectedVersionDifference> Entries { get; } =
    [
        // Version stamps.
        new(FidelityKind.Macro, "__FreeBSD__", VersionStamp + " (sys/cdefs.h)"),
        new(FidelityKind.Macro, "__FreeBSD_version", VersionStamp + " (sys/param.h)"),
        new(FidelityKind.Macro, "M_VERSION", VersionStamp + " for struct malloc_type, bumped with its layout"),
        new(FidelityKind.Macro, "MODULE_KERNEL_MAXVER", VersionStamp + ": the last version of the module's major release"),
        new(FidelityKind.Macro, "_PRIV_HIGHEST", "the highest privilege, which grew with the privileges added after 13.2"),

        // Privileges and flags 15 has and 13.2 does not.
        new(FidelityKind.Macro, "PRIV_SEEJAILPROC", NewPrivilege),
        new(FidelityKind.Macro, "PRIV_CRED_SETCRED", NewPrivilege),
        new(FidelityKind.Macro, "PRIV_DEBUG_DIFFJAIL", NewPrivilege),
        new(FidelityKind.Macro, "PRIV_SCHED_DIFFJAIL", NewPrivilege),
        new(FidelityKind.Macro, "PRIV_SIGNAL_DIFFJAIL", NewPrivilege),
        new(FidelityKind.Macro, "PRIV_SYSCTL_MEMLOCK", NewPrivilege),
        new(FidelityKind.Macro, "PRIV_NET_OVPN", NewPrivilege),
        new(FidelityKind.Macro, "PRIV_NETINET_KTLSKEYS", NewPrivilege),
        new(FidelityKind.Macro, "PRIV_PIPEBUF", NewPrivilege),
        new(FidelityKind.Macro, "PRIV_PROC_MEM_WRITE", NewPrivilege),
        new(FidelityKind.Macro, "PRIV_KDB_SET_BACKEND", NewPrivilege),
        new(FidelityKind.Macro, "PRIV_VERIEXEC_DIRECT", NewPrivilege),
        new(FidelityKind.Macro, "PRIV_VERIEXEC_NOVERIFY", NewPrivilege),
        new(FidelityKind.Macro, "PRIV_VERIEXEC_CONTROL", NewPrivilege),
        new(FidelityKind.Macro, "PRIV_VMM_PPTDEV", NewPrivilege),
        new(FidelityKind.Macro, "CRED_FLAG_GROUPSET", "a credential flag 15 added (the groups have been set) (sys/ucred.h)"),
        new(FidelityKind.Macro, "PNOLOCK", "a sleep priority flag 15 added (sys/param.h)"),
        new(FidelityKind.Macro, "MAXCPU", "15 raised amd64's MAXCPU from 256 to 1024 (machine/param.h)"),
        new(FidelityKind.EnumConstant, "SI_SUB_SMP", "15's amd64 DEFAULTS has options EARLY_AP_STARTUP (APs start at 0x2900000); 13.2 sets it only in GENERIC, so a 13.2 module build sees 0xf000000"),

        // Types.
        new(FidelityKind.Typedef, "__sbintime_t", "15 declares __sbintime_t in sys/_types.h; 13.2 only sbintime_t in sys/types.h"),
        new(FidelityKind.Typedef, "syscallarg_t", "the type of a system call argument, added after 13.2 (sys/types.h)"),
        new(FidelityKind.Typedef, "boolean_t", "unsigned int in 15, int in 13.2 (sys/types.h)"),

        // Prototypes.
        new(FidelityKind.Function, "atomic_load_acq_char", "15's atomic_load_acq_* take a const volatile pointer, 13.2's a volatile one"),
        new(FidelityKind.Function, "atomic_load_acq_short", "15's atomic_load_acq_* take a const volatile pointer, 13.2's a volatile one"),
        new(FidelityKind.Function, "atomic_load_acq_int", "15's atomic_load_acq_* take a const volatile pointer, 13.2's a volatile one"),
        new(FidelityKind.Function, "atomic_load_acq_long", "15's atomic_load_acq_* take a const volatile pointer, 13.2's a volatile one"),
        new(FidelityKind.Function, "mtx_sysinit", "15 takes const void *, 13.2 void * (sys/mutex.h)"),
        new(FidelityKind.Function, "sx_sysinit", "15 takes const void *, 13.2 void * (sys/sx.h)"),
        new(FidelityKind.Function, "syscall_thread_enter", "15 passes struct sysent **, so that the entry can be replaced by nosys_sysent; 13.2 passes struct sysent * (sys/sysent.h)"),
        new(FidelityKind.Function, "groupmember", "15: bool groupmember(gid_t, const struct ucred *); 13.2: int groupmember(gid_t, struct ucred *)"),
        new(FidelityKind.KernelApi, "ffs", "13.2's amd64 machine/cpufunc.h defines ffs, ffsl and ffsll as macros over __builtin_ffs*; 15 declares them static inline in sys/libkern.h, the same C"),
        new(FidelityKind.KernelApi, "ffsl", "13.2's amd64 machine/cpufunc.h defines ffs, ffsl and ffsll as macros over __builtin_ffs*; 15 declares them static inline in sys/libkern.h, the same C"),
        new(FidelityKind.KernelApi, "ffsll", "13.2's amd64 machine/cpufunc.h defines ffs, ffsl and ffsll as macros over __builtin_ffs*; 15 declares them static inline in sys/libkern.h, the same C"),

        // Structure layouts.
        new(FidelityKind.Record, "struct sysinit", "15 links sysinits through an STAILQ 'next' field after subsystem and order (sys/kernel.h)"),
        new(FidelityKind.Record, "struct syscall_args.original_code", "15 added original_code after code (sys/proc.h)"),
        new(FidelityKind.Record, "struct thread.td_locks", "int in 15, short in 13.2 (sys/proc.h)"),
        new(FidelityKind.Record, "struct ucred.cr_gid", "15 keeps the effective gid in cr_gid; 13.2 in cr_groups[0] (sys/ucred.h)"),
        new(FidelityKind.Record, "struct ucred.cr_ref", "long in 15, u_int in 13.2 (sys/ucred.h)"),
        new(FidelityKind.Record, "struct sdt_probe", "15 added tracepoint_list after argtype_list, moving every later field by 16 bytes (sys/sdt.h)"),
        new(FidelityKind.Record, "struct sysctl_oid_list", "15's is an RB_HEAD (rbh_root), 13.2's an SLIST_HEAD (slh_first) (sys/sysctl.h)"),
        new(FidelityKind.Record, "struct sysctl_oid", "15 links siblings with RB_ENTRY (24 bytes) where 13.2 has SLIST_ENTRY (8), moving every field from oid_number by 16 bytes (sys/sysctl.h)"),

        // Headers.
        new(FidelityKind.Parse, "sys/stdarg.h", "a header 15 added (va_list for the kernel); 13.2 has only machine/stdarg.h"),
    ];

    /// <summary>The entry that explains <paramref name="difference"/> against a tree of version <paramref name="realVersion"/>, if any.</summary>
    /// <param name="difference">A difference the comparison found.</param>
    /// <param name="realVersion">The tree's <c>__FreeBSD_version</c>; <see langword="null"/> when it is not a FreeBSD tree (nothing is expected then).</param>
    public static ExpectedVersionDifference? Explaining(FidelityDifference difference, int? realVersion) =>
        realVersion is < ModelledVersion ? Entries.FirstOrDefault(e => e.Covers(difference)) : null;

    /// <summary>Splits <paramref name="differences"/> into real differences and expected version differences.</summary>
    public static (ImmutableArray<FidelityDifference> Differences, ImmutableArray<ExpectedFidelityDifference> Expected) Classify(
        IEnumerable<FidelityDifference> differences, int? realVersion)
    {
        ArgumentNullException.ThrowIfNull(differences);
        var real = ImmutableArray.CreateBuilder<FidelityDifference>();
        var expected = ImmutableArray.CreateBuilder<ExpectedFidelityDifference>();
        foreach (FidelityDifference difference in differences)
        {
            if (Explaining(difference, realVersion) is { } entry)
            {
                expected.Add(new(difference, entry.Reason));
            }
            else
            {
                real.Add(difference);
            }
        }

        return (real.ToImmutable(), expected.ToImmutable());
    }
}
