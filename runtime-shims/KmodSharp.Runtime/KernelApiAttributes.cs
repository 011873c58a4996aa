using System;
using System.ComponentModel;

namespace KmodSharp;

// What the compiler and the analyzers know about each kernel API method, stated once on the method
// itself (docs: compiler/KmodSharp.Analyzers/README.md, "Adding a kernel API"). Read through Roslyn
// symbols by KmodSharp.Analyzers.Subset.RuntimeApi; nothing reads them at run time.

/// <summary>
/// The method reads the user memory its parameter <see cref="Parameter"/> points to
/// (<c>copyin(9)</c>, <c>fubyte(9)</c> …): the analyzers check its result and track double fetches.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ReadsUserMemoryAttribute : Attribute
{
    /// <summary>Names the parameter holding the user address.</summary>
    public ReadsUserMemoryAttribute(string parameter) => Parameter = parameter;

    /// <summary>The name of the parameter holding the user address.</summary>
    public string Parameter { get; }
}

/// <summary>The method writes the user memory its parameter <see cref="Parameter"/> points to (<c>copyout(9)</c>, <c>subyte(9)</c> …).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class WritesUserMemoryAttribute : Attribute
{
    /// <summary>Names the parameter holding the user address.</summary>
    public WritesUserMemoryAttribute(string parameter) => Parameter = parameter;

    /// <summary>The name of the parameter holding the user address.</summary>
    public string Parameter { get; }
}

/// <summary>
/// The errno values a call can fail with, as the syscall reports them (for <c>fubyte(9)</c>-style
/// calls that return -1, the errno of the fault). A call with any must have its result checked;
/// the generated man page lists them.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class MayFailWithAttribute : Attribute
{
    /// <summary>Lists the errno values.</summary>
    public MayFailWithAttribute(params Errno[] errors) => Errors = errors;

    /// <summary>The errno values.</summary>
    public Errno[] Errors { get; }
}

/// <summary>The call may sleep (a page fault on user memory does): it must not run while a <see cref="KernelMutex"/> is held.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class MaySleepAttribute : Attribute
{
}

/// <summary>
/// The kernel function takes the calling thread, <c>struct thread *td</c>, first (<c>priv_check(9)</c>):
/// a method that calls it is passed the syscall's <c>td</c>, as a kernel developer passes it down.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TakesCallingThreadAttribute : Attribute
{
}

/// <summary>
/// On success the method leaves a NUL-terminated string in the byte span its parameter
/// <see cref="Parameter"/> names (<c>copyinstr(9)</c>): a buffer read only after that needs no zero fill.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class NulTerminatesAttribute : Attribute
{
    /// <summary>Names the parameter holding the destination span.</summary>
    public NulTerminatesAttribute(string parameter) => Parameter = parameter;

    /// <summary>The name of the parameter holding the destination span.</summary>
    public string Parameter { get; }
}

/// <summary>
/// The parameter <see cref="Parameter"/> is a <c>printf(9)</c> format, and the other arguments its
/// values: a byte span printed with <c>%s</c> is read up to its NUL.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class PrintfFormatAttribute : Attribute
{
    /// <summary>Names the format parameter.</summary>
    public PrintfFormatAttribute(string parameter) => Parameter = parameter;

    /// <summary>The name of the format parameter.</summary>
    public string Parameter { get; }
}

/// <summary>
/// A call of the method translates by a lowering rule of its own rather than as a call of one
/// <see cref="CNameAttribute"/> function: pointer arithmetic, the <c>atomic(9)</c> operation of the
/// operand's width, or a lock or <c>malloc(9)</c> taken by a <c>using</c>. A runtime method with neither
/// attribute has no translation (a guard's <c>Dispose</c> is its <c>using</c>'s), so the analyzers refuse
/// its calls (KMS0100).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TranslatedAttribute : Attribute
{
}
