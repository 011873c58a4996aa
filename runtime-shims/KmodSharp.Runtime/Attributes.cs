using System;

namespace KmodSharp;

/// <summary>Marks a static class as a FreeBSD kernel module; one <c>.ko</c> is generated per module class.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class KernelModuleAttribute : Attribute
{
    /// <summary>Declares a kernel module named <paramref name="name"/> (a C identifier, e.g. <c>mysyscall</c>).</summary>
    public KernelModuleAttribute(string name) => Name = name;

    /// <summary>The module name: the <c>KMOD</c> of the Makefile and the prefix of the generated C names.</summary>
    public string Name { get; }

    /// <summary>The module version recorded by <c>MODULE_VERSION</c>.</summary>
    public int Version { get; set; } = 1;
}

/// <summary>Marks a static method of a module class as a system call handler.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SyscallAttribute : Attribute
{
    /// <summary>The syscall name; the kernel module is registered as <c>sys/&lt;Name&gt;</c>. Defaults to the snake_case method name.</summary>
    public string? Name { get; set; }

    /// <summary>A fixed syscall number, or <see cref="DynamicSlot"/> (the default) to let the kernel choose a free slot.</summary>
    public int Number { get; set; } = DynamicSlot;

    /// <summary>Whether the syscall may be called in Capsicum capability mode (<c>SYF_CAPENABLED</c>).</summary>
    public bool CapabilityMode { get; set; }

    /// <summary>The value of <see cref="Number"/> that asks for a dynamically allocated slot (<c>NO_SYSCALL</c>).</summary>
    public const int DynamicSlot = -1;
}

/// <summary>Marks a static method run when the module is loaded (chained to <c>MOD_LOAD</c>). It returns <see cref="Errno"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ModuleLoadAttribute : Attribute
{
}

/// <summary>Marks a static method run when the module is unloaded (chained to <c>MOD_UNLOAD</c>). A non-zero result vetoes the unload.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ModuleUnloadAttribute : Attribute
{
}

/// <summary>Marks a static class whose methods syscall handlers may call; they are translated as <c>static</c> C functions.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class KernelHelperAttribute : Attribute
{
}

/// <summary>Marks a static method run at system shutdown (<c>MOD_SHUTDOWN</c>).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ModuleShutdownAttribute : Attribute
{
}

/// <summary>
/// Exposes a static integer field of the module class as <c>kern.&lt;module&gt;.&lt;name&gt;</c>
/// (<c>SYSCTL_INT</c> and friends).
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class SysctlAttribute : Attribute
{
    /// <summary>Exposes the field under <paramref name="name"/>.</summary>
    public SysctlAttribute(string name) => Name = name;

    /// <summary>The leaf name.</summary>
    public string Name { get; }

    /// <summary>The description shown by <c>sysctl -d</c>.</summary>
    public string Description { get; set; } = "";

    /// <summary>Whether root may write it (<c>CTLFLAG_RW</c>); read-only by default.</summary>
    public bool Writable { get; set; }

    /// <summary>
    /// The name of a <c>static bool M(T value)</c> method of the module class (T the field's type) that
    /// accepts a written value (true) or refuses it (false: the write fails with <c>EINVAL</c> and the
    /// field keeps its value). The field then becomes a <c>SYSCTL_PROC</c> whose handler copies the
    /// value in, validates it, then stores it. Needs <see cref="Writable"/>.
    /// </summary>
    public string? Validator { get; set; }
}
