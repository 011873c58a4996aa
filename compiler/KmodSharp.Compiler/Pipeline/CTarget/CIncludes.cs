using System.Collections.Immutable;
using System.Linq;

namespace KmodSharp.Compiler.Pipeline.CTarget;

/// <summary>
/// The headers each generated file includes, in one place: the files include them and the naming
/// policy reads them (<see cref="KernelHeaderNames"/>, <see cref="UserlandNamespace"/>), so no
/// generated name can meet one those headers declare.
/// </summary>
public static class CIncludes
{
    /// <summary>A loadable module's kernel file.</summary>
    public static readonly ImmutableArray<string> Kernel =
        ["sys/param.h", "sys/systm.h", "sys/kernel.h", "sys/module.h", "sys/capsicum.h", "sys/jail.h", "sys/proc.h", "sys/priv.h", "sys/sdt.h", "sys/sysctl.h", "sys/sysent.h", "sys/sysproto.h", "sys/ucred.h"];

    /// <summary>The kernel file of an in-tree build.</summary>
    public static readonly ImmutableArray<string> InTreeKernel =
        ["sys/param.h", "sys/systm.h", "sys/kernel.h", "sys/capsicum.h", "sys/jail.h", "sys/proc.h", "sys/priv.h", "sys/sdt.h", "sys/sysctl.h", "sys/sysproto.h", "sys/ucred.h"];

    /// <summary>Added when the module allocates.</summary>
    public static readonly ImmutableArray<string> Malloc = ["sys/malloc.h"];

    /// <summary>Added when the module has locks.</summary>
    public static readonly ImmutableArray<string> Locks = ["sys/lock.h", "sys/mutex.h", "sys/sx.h"];

    /// <summary>Every header generated kernel C may include, loadable or in-tree.</summary>
    public static ImmutableArray<string> AllKernel { get; } = [.. Kernel.Concat(InTreeKernel).Concat(Malloc).Concat(Locks).Distinct()];

    /// <summary><c>&lt;module&gt;.h</c>, the userland header.</summary>
    public static readonly ImmutableArray<string> UserlandHeader = ["sys/types.h", "stdbool.h", "stddef.h", "stdint.h"];

    /// <summary><c>lib&lt;module&gt;.c</c>, the userland library.</summary>
    public static readonly ImmutableArray<string> UserlandLibrary = ["sys/param.h", "sys/module.h", "errno.h", "unistd.h"];

    /// <summary><c>lib&lt;module&gt;.c</c> of an in-tree build: the numbers are <c>SYS_</c> constants, no lookup.</summary>
    public static readonly ImmutableArray<string> InTreeUserlandLibrary = ["sys/syscall.h", "errno.h", "unistd.h"];

    /// <summary>The generated user test program.</summary>
    public static readonly ImmutableArray<string> UserTestProgram = ["err.h", "stdint.h", "stdio.h", "string.h"];
}
