using System.Collections.Immutable;
using System.Linq;

namespace KmodSharp.Differential.Generator.Generation;

/// <summary>Names a kernel developer might well choose that the FreeBSD kernel, its headers or the C compiler already use.</summary>
public static class KernelLikeNames
{
    /// <summary>Module names whose <c>M_&lt;NAME&gt;</c> malloc type is a kernel macro or malloc type.
    /// Then names that are object-like kernel macros (which MODULE_VERSION and SDT_PROBE would expand) or kernel variables.</summary>
    public static ImmutableArray<string> Modules { get; } = ["temp", "devbuf", "nowait", "zero", "waitok", "exec", "ioctlops", "cache", "curthread", "curproc", "hz", "ticks"];

    /// <summary>
    /// Syscall names whose <c>struct &lt;name&gt;_args</c>/<c>sys_&lt;name&gt;</c> <c>sys/sysproto.h</c> declares (and libc
    /// has as functions), then object-like kernel macros (which SYSCALL_MODULE would expand) and kernel variables.
    /// </summary>
    public static ImmutableArray<string> Syscalls { get; } = ["read", "getpid", "open", "ioctl", "write", "close", "mmap", "kill", "curproc", "curcpu", "hz", "ticks"];

    /// <summary>
    /// Parameter names that are macros or globals in a kernel build or under gnu C, or macros of C
    /// (TRUE), or that meet another's renamed name (max, max_).
    /// </summary>
    public static ImmutableArray<string> Parameters { get; } =
        ["unix", "linux", "td", "uap", "curthread", "errno", "error", "retval", "bootverbose", "hz", "ticks", "NULL", "max", "max_", "PAGE_SIZE", "TRUE", "curproc"];

    /// <summary>Local names of the same kinds, none a parameter's (C# forbids a local that hides one).</summary>
    public static ImmutableArray<string> Locals { get; } = ["curcpu", "min", "min_", "min__1", "FALSE", "M_WAITOK", "bootverbose_", "cold"];

    /// <summary>
    /// A local name for a method: one of <see cref="Locals"/> or the C name of one of the module's
    /// helpers (<c>&lt;module&gt;_helper0</c>), which the local would hide in C; null when all are taken.
    /// </summary>
    public static string? Local(ModuleContext module, MethodContext method)
    {
        string[] candidates = [.. Locals, .. module.Helpers.Select(h => $"{module.Name}_{KmodSharp.Analyzers.Subset.CIdentifiers.ToSnakeCase(h.Name)}")];
        string[] free = [.. candidates.Where(c => !method.KernelLikeNames.Contains(c))];
        if (free.Length == 0)
        {
            return null;
        }

        string name = free[module.NameRandom.Next(free.Length)];
        method.KernelLikeNames.Add(name);
        return name;
    }
}
