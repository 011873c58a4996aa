using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using KmodSharp.Compiler.Tools.Verification;

namespace KmodSharp.Compiler.Pipeline.CTarget;

/// <summary>
/// The C names the FreeBSD kernel headers (and the compilers that read them) already own, which
/// generated code must not declare or shadow. Three sources: general rules (C's reserved
/// spellings, <c>_t</c> type names, upper-case macro names), a small built-in list of the names
/// kernel code meets most, and every macro, file-scope identifier and tag the kernel headers declare
/// (<see cref="KernelHeaderNames"/>, checked-in lists).
/// </summary>
internal static partial class KernelNamespace
{
    // Object-like macros and variables an identifier of the same spelling would be rewritten into
    // or would hide: the kernel's lower-case macros, the host compiler's gnu-mode predefinitions
    // (unix, linux, i386: the harness library and userland C build with -std=gnu17) and userland's errno.
    private static readonly FrozenSet<string> Macros = new HashSet<string>
    {
        "curthread", "curproc", "curcpu", "curvnet", "hz", "ticks", "bootverbose", "cold", "errno",
        "unix", "linux", "i386", "amd64", "x86_64", "__amd64__",
    }.ToFrozenSet();

    // Functions and function-like macros generated code calls (besides KernelApi's) or that kernel
    // code expects to see unshadowed, and the names the syscall entry points use themselves.
    private static readonly FrozenSet<string> Functions = new HashSet<string>
    {
        "td", "uap", "arg", "error", "retval", "resultp", "module", "mod", "what", "data",
        "malloc", "free", "bcopy", "bzero", "memcpy", "memmove", "memcmp", "strlen", "strcmp",
        "min", "max", "imin", "imax", "lmin", "lmax", "ulmin", "ulmax", "qmin", "qmax",
        "howmany", "roundup", "rounddown", "roundup2", "rounddown2", "powerof2", "nitems", "offsetof",
        "panic", "uprintf",
        "sysent", "nosys", "lkmnosys", "syscall_module_handler", "kern_syscall_register",
    }.ToFrozenSet();

    // The malloc types and flags <sys/malloc.h> declares (13.2 and 15): a module named "temp"
    // must not define M_TEMP.
    private static readonly FrozenSet<string> MallocNames = new HashSet<string>
    {
        "M_CACHE", "M_DEVBUF", "M_TEMP", "M_IOV", "M_PARGS", "M_SESSION", "M_SUBPROC", "M_IP6OPT", "M_IP6NDP",
        "M_NOWAIT", "M_WAITOK", "M_NORECLAIM", "M_ZERO", "M_NOVM", "M_USE_RESERVE", "M_NODUMP",
        "M_FIRSTFIT", "M_BESTFIT", "M_EXEC", "M_NEXTFIT", "M_VERSION", "M_MAGIC",
    }.ToFrozenSet();

    // The struct tags generated code or the included headers use, which a C# struct must not redefine.
    private static readonly FrozenSet<string> Tags = new HashSet<string>
    {
        "thread", "proc", "ucred", "sysent", "sysentvec", "module", "malloc_type", "mtx", "sx", "lock_object",
        "sysctl_oid", "sysctl_req", "timespec", "timeval", "bintime", "uio", "iovec", "prison", "filedesc",
        "file", "vnode", "mount", "sdt_probe", "sdt_provider", "syscall_module_data", "mod_version", "moduledata",
    }.ToFrozenSet();

    // The nodes the kernel has under kern (KernSysctlNodes.txt, read from the 13.2 and 15 trees by ReadKernSysctls).
    private static readonly NameList KernSysctls = NameList.Read("KernSysctlNodes.txt");

    private static readonly FrozenSet<string> ApiNames =
        KernelApi.Entries.SelectMany(e => e.CheckedFunctions.Append(e.Name)).ToFrozenSet();

    /// <summary>
    /// Whether a local, parameter or struct member named <paramref name="name"/> would meet a
    /// kernel name: a C keyword or reserved spelling, a type (<c>*_t</c>), a macro (every
    /// all-upper-case name: <c>NULL</c>, <c>PAGE_SIZE</c>, <c>M_WAITOK</c>, <c>EINVAL</c>), a
    /// function generated code calls, or a name the generated code uses (<c>kms_*</c>).
    /// </summary>
    public static bool ClashesAsLocal(string name) =>
        IsImplementationReserved(name) || name.EndsWith("_t", StringComparison.Ordinal) || IsUpperCase(name)
        || Macros.Contains(name) || Functions.Contains(name) || ApiNames.Contains(name)
        || name.StartsWith("kms_", StringComparison.Ordinal) || KernelHeaderNames.ClashesAsLocal(name);

    /// <summary>
    /// Whether a file-scope name the backend builds (module-prefixed function, variable, enum
    /// constant, malloc type) would meet a kernel name: every identifier and macro counts.
    /// </summary>
    public static bool ClashesAsGlobal(string name) =>
        IsImplementationReserved(name) || Macros.Contains(name) || Functions.Contains(name) || ApiNames.Contains(name)
        || MallocNames.Contains(name) || name.StartsWith("kms_", StringComparison.Ordinal) || KernelHeaderNames.ClashesAsGlobal(name);

    /// <summary>
    /// Whether the preprocessor rewrites <paramref name="name"/> where kernel code or a kernel macro's
    /// argument has it: a keyword-like macro (<c>bool</c>, <c>true</c>), an upper-case name, a known
    /// object-like macro (<c>curthread</c>), or one the real headers define.
    /// </summary>
    public static bool IsObjectMacro(string name) =>
        Analyzers.Subset.CIdentifiers.IsKeyword(name) || IsUpperCase(name) || Macros.Contains(name) || KernelHeaderNames.IsObjectMacro(name);

    /// <summary>Whether a struct or enum tag of that name would meet one the kernel headers declare, or a macro.</summary>
    public static bool ClashesAsTag(string name) =>
        IsImplementationReserved(name) || Tags.Contains(name) || Macros.Contains(name) || KernelHeaderNames.ClashesAsTag(name);

    /// <summary>
    /// Whether <c>kern.&lt;name&gt;</c> is the kernel's own node (<c>kern.ipc</c>, <c>kern.proc</c>) or its
    /// C name (<c>sysctl___kern_&lt;name&gt;</c>) one the headers declare: a module's node must be neither.
    /// </summary>
    public static bool IsKernSysctl(string name) => KernSysctls.Contains(name) || ClashesAsGlobal("sysctl___kern_" + name);

    /// <summary>The names a tree's sources declare under kern: <c>SYSCTL_*(_kern, ..., name, ...)</c>.</summary>
    public static IEnumerable<string> ReadKernSysctls(string sysDir) =>
        Directory.EnumerateFiles(sysDir, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".c", StringComparison.Ordinal) || f.EndsWith(".h", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .Where(text => text.Contains("_kern", StringComparison.Ordinal))
            .SelectMany(text => KernSysctlDeclaration().Matches(text).Select(m => m.Groups[1].Value))
            .Where(n => n != "__CONCAT")
            .Distinct();

    [GeneratedRegex(@"\bSYSCTL_[A-Z0-9_]+\(\s*_kern\s*,\s*\w+\s*,\s*([A-Za-z_]\w*)\s*,")]
    private static partial Regex KernSysctlDeclaration();

    // C keywords, and _X and __x (reserved to the implementation).
    private static bool IsImplementationReserved(string name) =>
        Analyzers.Subset.CIdentifiers.IsKeyword(name)
        || name.StartsWith("__", StringComparison.Ordinal)
        || (name.Length > 1 && name[0] == '_' && char.IsAsciiLetterUpper(name[1]));

    // The kernel's macro convention (NULL, TRUE, PAGE_SIZE, M_WAITOK, EINVAL).
    private static bool IsUpperCase(string name) => name.Any(char.IsAsciiLetter) && !name.Any(char.IsAsciiLetterLower);
}
