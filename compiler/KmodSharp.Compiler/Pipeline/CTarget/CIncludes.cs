using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace KmodSharp.Compiler.Pipeline.CTarget;

/// <summary>
/// The headers each generated file includes, in one place: the files include them and the naming
/// policy's checked-in lists are read from them (<see cref="KernelHeaderNames"/>,
/// <see cref="UserlandNamespace"/>), so no generated name can meet one those headers declare.
/// </summary>
public static class CIncludes
{
    // The kernel headers a module's C may need, each with the names that need it (a trailing '*'
    // is a prefix). A macro that expands to another header's names needs that header too:
    // MODULE_VERSION and SYSCALL_MODULE are SYSINITs (sys/kernel.h), mtx and sx need sys/lock.h.
    private static readonly (string Header, string[] Names)[] KernelUses =
    [
        ("sys/systm.h", ["printf", "uprintf", "panic", "KASSERT", "copyin", "copyout", "copyinstr", "fubyte", "subyte", "fueword32", "fueword64",
            "suword32", "suword64", "memset", "memcpy", "memmove", "memcmp", "bcopy", "bzero", "strlen", "strcmp", "bootverbose", "cold",
            "curthread", "curproc", "imin", "imax", "min", "max", "qmin", "qmax", "uqmin", "uqmax", "lmin", "lmax", "ulmin", "ulmax",
            "abs", "labs", "qabs", "ffs", "ffsl", "ffsll", "fls", "flsl", "flsll", "bitcount*"]),
        ("sys/capsicum.h", ["IN_CAPABILITY_MODE"]),
        ("sys/jail.h", ["jailed", "prison"]),
        ("sys/kernel.h", ["SYSINIT", "SYSUNINIT", "MTX_SYSINIT", "SX_SYSINIT", "MODULE_VERSION", "SYSCALL_MODULE", "DECLARE_MODULE", "hz", "ticks"]),
        ("sys/lock.h", ["mtx", "mtx_*", "MTX_*", "sx", "sx_*", "SX_*"]),
        ("sys/malloc.h", ["malloc", "free", "MALLOC_DEFINE", "M_WAITOK", "M_NOWAIT", "M_ZERO"]),
        ("sys/module.h", ["MODULE_VERSION", "SYSCALL_MODULE", "DECLARE_MODULE", "module_t", "MOD_*", "modeventtype_t", "moduledata_t"]),
        ("sys/mutex.h", ["mtx", "mtx_*", "MTX_*"]),
        ("sys/priv.h", ["priv_check", "PRIV_*"]),
        ("sys/proc.h", ["td_*", "p_*", "proc", "curproc"]),
        ("sys/sdt.h", ["SDT_*"]),
        ("sys/sx.h", ["sx", "sx_*", "SX_*"]),
        ("sys/sysctl.h", ["SYSCTL_*", "CTLFLAG_*", "CTLTYPE_*", "OID_AUTO", "sysctl_*"]),
        ("sys/sysent.h", ["sysent", "SYSCALL_MODULE", "NO_SYSCALL", "SYF_*", "syscall_module_handler"]),
        // AUE_NULL is bsm/audit_kevents.h's, which sys/sysproto.h includes, as syscall code does.
        ("sys/sysproto.h", ["AUE_NULL"]),
        ("sys/ucred.h", ["ucred", "cr_*"]),
    ];

    /// <summary>
    /// The headers a kernel file includes: those whose names its declarations use, <c>sys/param.h</c>
    /// first, then <c>sys/systm.h</c>, then the rest sorted (style(9)); in-tree, <c>sys/sysproto.h</c>
    /// declares the argument structs and entry points.
    /// </summary>
    public static ImmutableArray<string> KernelFor(IEnumerable<CTree.CDecl> declarations, bool inTree)
    {
        HashSet<string> names = CTree.CNamesUsed.Of(declarations);
        bool Uses(string name) => name.EndsWith('*') ? names.Any(n => n.StartsWith(name[..^1], System.StringComparison.Ordinal)) : names.Contains(name);
        var used = new SortedSet<string>(KernelUses.Where(u => u.Names.Any(Uses)).Select(u => u.Header), System.StringComparer.Ordinal);
        if (inTree)
        {
            used.Add("sys/sysproto.h");
        }

        bool systm = used.Remove("sys/systm.h");
        return ["sys/param.h", .. systm ? ["sys/systm.h"] : System.Array.Empty<string>(), .. used];
    }

    /// <summary>Every header generated kernel C may include, loadable or in-tree.</summary>
    public static ImmutableArray<string> AllKernel { get; } = ["sys/param.h", .. KernelUses.Select(u => u.Header)];

    /// <summary><c>&lt;module&gt;.h</c>, the userland header.</summary>
    public static readonly ImmutableArray<string> UserlandHeader = ["sys/types.h", "stdbool.h", "stddef.h", "stdint.h"];

    /// <summary><c>lib&lt;module&gt;.c</c>, the userland library.</summary>
    public static readonly ImmutableArray<string> UserlandLibrary = ["sys/param.h", "sys/module.h", "errno.h", "unistd.h"];

    /// <summary><c>lib&lt;module&gt;.c</c> of an in-tree build: the numbers are <c>SYS_</c> constants, no lookup.</summary>
    public static readonly ImmutableArray<string> InTreeUserlandLibrary = ["sys/syscall.h", "errno.h", "unistd.h"];

    /// <summary>The generated user test program.</summary>
    public static readonly ImmutableArray<string> UserTestProgram = ["err.h", "stdint.h", "stdio.h", "string.h"];
}
