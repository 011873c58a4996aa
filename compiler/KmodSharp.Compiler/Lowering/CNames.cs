using System;
using KmodSharp.Compiler.Model;

namespace KmodSharp.Compiler.Lowering;

/// <summary>
/// The one naming policy for the C identifiers the backend emits (docs/semantics.md, "C names").
/// Names follow the C# names so the C reads like the source; file-scope names carry the module
/// name; and no name may meet one the kernel headers or the compiler already own
/// (<see cref="KernelNamespace"/>): a name that would is renamed, never reported.
/// <list type="bullet">
/// <item>locals, parameters, struct members: the C# name, with <c>_</c> appended on a clash (<c>unix</c> → <c>unix_</c>);</item>
/// <item>functions and statics: <c>&lt;module&gt;_&lt;snake_case&gt;</c>, numbered on a clash (<see cref="LoweringContext"/>);</item>
/// <item>a syscall's entry point, argument struct, sysent and offset: <c>sys_&lt;stem&gt;</c>, <c>&lt;stem&gt;_args</c>,
/// <c>&lt;stem&gt;_sysent</c>, <c>&lt;stem&gt;_offset</c>, the stem being <c>&lt;module&gt;_&lt;syscall&gt;</c> (module
/// <c>temp</c>, syscall <c>read</c>: <c>sys_temp_read</c>, never sys/sysproto.h's <c>sys_read</c>; module <c>sched</c>,
/// syscall <c>sched_yield</c>: <c>sys_sched_sched_yield</c>);</item>
/// <item>the malloc type: <c>M_&lt;MODULE&gt;</c>, or <c>M_KMS_&lt;MODULE&gt;</c> when the kernel has that one (<c>M_TEMP</c>);</item>
/// <item>struct tags: the C# name, with <c>_</c> appended on a clash (<c>struct timespec_</c>).</item>
/// </list>
/// The kernel's own ABI names are kept as they are: the module (<c>MODULE_VERSION</c>), the
/// syscall module <c>sys/&lt;syscall&gt;</c> that userland finds with modfind(2), the sysctl nodes,
/// and, in-tree, the <c>sys_&lt;name&gt;</c> and <c>&lt;name&gt;_args</c> that makesyscalls generates.
/// </summary>
public static class CNames
{
    /// <summary>A C identifier for a C# local, parameter or struct member.</summary>
    public static string Local(string name)
    {
        string escaped = name.StartsWith('@') ? name[1..] : name;
        return KernelNamespace.ClashesAsLocal(escaped) ? escaped + "_" : escaped;
    }

    /// <summary>The stem of a C function for a C# method of a module: <c>&lt;module&gt;_&lt;snake_case&gt;</c> (see <see cref="IsFreeGlobal"/>).</summary>
    public static string Function(string module, string method) => $"{module}_{Frontend.ModuleBinder.SnakeCase(method)}";

    /// <summary>Whether a file-scope name the backend builds meets no kernel name.</summary>
    public static bool IsFreeGlobal(string name) => !KernelNamespace.ClashesAsGlobal(name);

    /// <summary>The C tag of a C# struct.</summary>
    public static string StructTag(string name) => KernelNamespace.ClashesAsTag(name) ? name + "_" : name;

    /// <summary>The tag of a module's enum (<c>&lt;module&gt;_&lt;snake_case&gt;</c>), checked against the kernel's tags.</summary>
    public static bool IsFreeTag(string name) => !KernelNamespace.ClashesAsTag(name) && IsFreeGlobal(name);

    /// <summary>The module's malloc type: <c>M_&lt;MODULE&gt;</c>, unless the kernel declares that name.</summary>
    public static string MallocType(string module)
    {
        string name = "M_" + module.ToUpperInvariant();
        return IsFreeGlobal(name) ? name : "M_KMS_" + module.ToUpperInvariant();
    }

    /// <summary>The syscall entry point: <c>sys_&lt;stem&gt;</c>; in-tree, <c>sys_&lt;name&gt;</c> as sys/sysproto.h declares it.</summary>
    public static string SyscallEntry(string module, SyscallModel syscall, bool inTree = false) =>
        "sys_" + (inTree ? syscall.Name : SyscallStem(module, syscall.Name));

    /// <summary>The argument struct tag: <c>&lt;stem&gt;_args</c>; in-tree, <c>&lt;name&gt;_args</c> as sys/sysproto.h declares it.</summary>
    public static string ArgsStruct(string module, SyscallModel syscall, bool inTree = false) =>
        (inTree ? syscall.Name : SyscallStem(module, syscall.Name)) + "_args";

    /// <summary>The <c>struct sysent</c> a loadable syscall registers.</summary>
    public static string Sysent(string module, SyscallModel syscall) => SyscallStem(module, syscall.Name) + "_sysent";

    /// <summary>The slot variable <c>SYSCALL_MODULE</c> fills.</summary>
    public static string SyscallOffset(string module, SyscallModel syscall) => SyscallStem(module, syscall.Name) + "_offset";

    // Always both names: a syscall name that merely starts with the module's can still be the
    // kernel's (module "sched", syscall "sched_yield").
    private static string SyscallStem(string module, string syscall)
    {
        string stem = $"{module}_{syscall}";
        string numbered = stem;
        for (int i = 2; !IsFreeStem(numbered); i++)
        {
            numbered = $"{stem}_{i}";
        }

        return numbered;
    }

    private static bool IsFreeStem(string stem) =>
        IsFreeGlobal("sys_" + stem) && IsFreeGlobal(stem + "_sysent") && IsFreeGlobal(stem + "_offset") && !KernelNamespace.ClashesAsTag(stem + "_args");
}
