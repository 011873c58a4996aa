using System.Collections.Immutable;

namespace KmodSharp.Differential.Generator.Generation;

/// <summary>Names a kernel developer might well choose that the FreeBSD kernel, its headers or the C compiler already use.</summary>
public static class KernelLikeNames
{
    /// <summary>Module names whose <c>M_&lt;NAME&gt;</c> malloc type is a kernel macro or malloc type.</summary>
    public static ImmutableArray<string> Modules { get; } = ["temp", "devbuf", "nowait", "zero", "waitok", "exec", "ioctlops", "cache"];

    /// <summary>Syscall names whose <c>struct &lt;name&gt;_args</c>/<c>sys_&lt;name&gt;</c> <c>sys/sysproto.h</c> declares.</summary>
    public static ImmutableArray<string> Syscalls { get; } = ["read", "getpid", "open", "ioctl", "write", "close", "mmap", "kill"];

    /// <summary>Parameter names that are macros or globals in a kernel build or under gnu C.</summary>
    public static ImmutableArray<string> Parameters { get; } = ["unix", "linux", "td", "uap", "curthread", "errno", "error", "retval", "bootverbose", "hz", "ticks", "NULL"];
}
