using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using KmodSharp.Compiler.Pipeline.Model;

namespace KmodSharp.Compiler.Pipeline.CTarget;

/// <summary>
/// The one naming policy for the C identifiers the backend emits (docs/semantics.md, "C names").
/// Names follow the C# names so the C reads like the source; file-scope names carry the module
/// name; and no name may meet one the kernel headers or the compiler already own
/// (<see cref="KernelNamespace"/>): a name that would is renamed, never reported.
/// <list type="bullet">
/// <item>locals, parameters, struct members: the C# name, with <c>_</c> appended on a clash (<c>unix</c> → <c>unix_</c>,
/// <c>curthread</c> → <c>curthread_</c>), numbered when another in the scope has it, and never hiding a module-level name (<see cref="CScope"/>);</item>
/// <item>functions and statics: <c>&lt;module&gt;_&lt;snake_case&gt;</c>, numbered on a clash (Lowering's <c>LoweringContext</c>);</item>
/// <item>a syscall's entry point, argument struct, sysent and offset: <c>sys_&lt;stem&gt;</c>, <c>&lt;stem&gt;_args</c>,
/// <c>&lt;stem&gt;_sysent</c>, <c>&lt;stem&gt;_offset</c>, the stem being <c>&lt;module&gt;_&lt;syscall&gt;</c> (module
/// <c>temp</c>, syscall <c>read</c>: <c>sys_temp_read</c>, never sys/sysproto.h's <c>sys_read</c>; module <c>sched</c>,
/// syscall <c>sched_yield</c>: <c>sys_sched_sched_yield</c>);</item>
/// <item>the malloc type: <c>M_&lt;MODULE&gt;</c>, or <c>M_KMS_&lt;MODULE&gt;</c> when the kernel has that one (<c>M_TEMP</c>);</item>
/// <item>struct tags: the C# name in snake_case, numbered when another struct of the assembly has it
/// (<c>FooBar</c> and <c>Foo_Bar</c>: <c>foo_bar</c>, <c>foo_bar_2</c>; Frontend's <c>StructTags</c>), with <c>_</c>
/// appended when a header has it (<c>struct timespec_</c>);</item>
/// <item>the sysctl node: <c>kern.&lt;module&gt;</c>, or <c>kern.kms_&lt;module&gt;</c> when the kernel has that node (<c>kern.ipc</c>);</item>
/// <item>userland (<c>&lt;module&gt;.h</c>, <c>lib&lt;module&gt;.c</c>, the man page): each syscall's
/// function is the syscall's name, or <c>&lt;module&gt;_&lt;syscall&gt;</c> (numbered) when a program's libc has it
/// (<see cref="UserlandNamespace"/>: module <c>temp</c>, syscall <c>read</c>: <c>temp_read</c>); the syzkaller
/// description prefixes that with the module unless it already starts with it (its calls share one namespace).</item>
/// </list>
/// The kernel's own ABI names are kept as they are: the module (<c>MODULE_VERSION</c>), the
/// syscall module <c>sys/&lt;syscall&gt;</c> that userland finds with modfind(2), the sysctl nodes,
/// and, in-tree, the <c>sys_&lt;name&gt;</c> and <c>&lt;name&gt;_args</c> that makesyscalls generates — unless
/// the kernel has the name already: a macro gets <c>_</c> appended (<see cref="ModuleToken"/>,
/// <see cref="SyscallModule(SyscallModel)"/>), a node of kern's own gets <c>kms_</c> (<see cref="SysctlNode"/>).
/// </summary>
public static class CNames
{
    /// <summary>A C identifier for a C# local, parameter or struct member.</summary>
    public static string Local(string name)
    {
        string escaped = name.StartsWith('@') ? name[1..] : name;
        return KernelNamespace.ClashesAsLocal(escaped) ? escaped + "_" : escaped;
    }

    /// <summary>
    /// The C member for a field of a struct: its <see cref="Local"/> name, numbered when another field
    /// of the struct has that name (<c>max</c> and <c>max_</c>: <c>max_</c>, <c>max__1</c>), in ordinal order of the C# names.
    /// </summary>
    public static string Member(KStruct type, string field)
    {
        var scope = new CScope();
        foreach (string name in type.Fields.Select(f => f.Name).Order(StringComparer.Ordinal))
        {
            string member = scope.Add(SnakeCase(name));
            if (name == field)
            {
                return member;
            }
        }

        return Local(SnakeCase(field));
    }

    // style(9) wants internal_underscores, not camelCase or TitleCase, in every C identifier.
    private static string SnakeCase(string name) => Analyzers.Subset.CIdentifiers.ToSnakeCase(name.TrimStart('@'));

    /// <summary>
    /// A file-scope name of a module: <c>&lt;module&gt;_&lt;name&gt;</c>, or the name alone when it starts with
    /// the module's already (module <c>mux</c>, enum <c>MuxCmd</c>: <c>mux_cmd</c>, not <c>mux_mux_cmd</c>).
    /// </summary>
    public static string ModulePrefixed(string module, string snakeName) =>
        snakeName.StartsWith(module + "_", StringComparison.Ordinal) && snakeName.Length > module.Length + 1 ? snakeName : $"{module}_{snakeName}";

    /// <summary>The stem of a C function for a C# method of a module: <c>&lt;module&gt;_&lt;snake_case&gt;</c> (see <see cref="IsFreeGlobal"/>).</summary>
    public static string Function(string module, string method) => ModulePrefixed(module, Analyzers.Subset.CIdentifiers.ToSnakeCase(method));

    /// <summary>
    /// A module-level name as built from its parts, without trailing <c>_</c>: a local never hides
    /// one (<see cref="CScope"/>). Numbering on a clash (<c>_2</c>) keeps that true.
    /// </summary>
    public static string FileScopeStem(string stem) => stem.TrimEnd('_') is { Length: > 0 } trimmed ? trimmed : stem;

    /// <summary>
    /// The names of a syscall's arguments, as the argument struct's members, the entry point and
    /// the userland prototype use them: one scope, with each member's padding (<see cref="PaddingBefore"/>).
    /// </summary>
    public static ImmutableArray<string> Arguments(SyscallModel syscall) => ArgumentNames.GetValue(syscall, s => new(ChooseArguments(s))).Value;

    // Each syscall's names and each module's stems are chosen once: every file of a module asks for them again and again.
    private static readonly ConditionalWeakTable<SyscallModel, StrongBox<ImmutableArray<string>>> ArgumentNames = [];

    private static readonly ConditionalWeakTable<ModuleModel, string[]> Stems = [];

    private static ImmutableArray<string> ChooseArguments(SyscallModel syscall)
    {
        var scope = new CScope(reserved: ["number", UserlandSecondResult]);
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (SyscallParameter argument in syscall.Arguments)
        {
            string preferred = Local(argument.Name);
            string name = preferred;
            for (int i = 1; UserlandNamespace.IsObjectMacro(name) || !scope.AreFree(name, PaddingBefore(name), PaddingAfter(name)); i++)
            {
                name = $"{preferred}_{i}";
            }

            scope.Reserve(name, PaddingBefore(name), PaddingAfter(name));
            names.Add(name);
        }

        return names.ToImmutable();
    }

    /// <summary>The C name of one of a syscall's arguments (<see cref="Arguments(SyscallModel)"/>).</summary>
    public static string Argument(SyscallModel syscall, SyscallParameter argument) => Arguments(syscall)[syscall.Arguments.IndexOf(argument)];

    /// <summary>The register padding before an argument's member in its argument struct.</summary>
    public static string PaddingBefore(string member) => member + "_l_";

    /// <summary>The register padding after an argument's member in its argument struct.</summary>
    public static string PaddingAfter(string member) => member + "_r_";

    /// <summary>The parameter a userland two-value function stores its second result through.</summary>
    public const string UserlandSecondResult = "second";

    /// <summary>
    /// The userland function of each of a module's syscalls, in order: its own name when no program
    /// header or libc has it, otherwise <c>&lt;module&gt;_&lt;syscall&gt;</c>, numbered until free.
    /// </summary>
    public static ImmutableArray<string> UserFunctions(ModuleModel module)
    {
        string[] names = [.. module.Syscalls.Select(s => UserlandNamespace.Clashes(s.Name) ? "" : s.Name)];
        var taken = new HashSet<string>(names.Where(n => n.Length > 0), StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0)
            {
                string stem = $"{module.Name}_{module.Syscalls[i].Name}";
                string name = stem;
                for (int n = 2; UserlandNamespace.Clashes(name) || !taken.Add(name); n++)
                {
                    name = $"{stem}_{n}";
                }

                names[i] = name;
            }
        }

        return [.. names];
    }

    /// <summary>
    /// The sysctl node of a module's sysctls under <c>kern</c>: its name, unless the kernel has that
    /// node or a macro of that name (<c>SYSCTL_NODE</c> expands its argument): then <c>kms_&lt;module&gt;</c>.
    /// </summary>
    public static string SysctlNode(string module) =>
        KernelNamespace.IsKernSysctl(module) || KernelNamespace.IsObjectMacro(module) ? "kms_" + module : module;

    /// <summary>A sysctl leaf under the module's node: its name, with <c>_</c> appended while a kernel macro has it.</summary>
    public static string SysctlLeaf(string name) => MacroFree(name);

    /// <summary>
    /// The module's name as <c>MODULE_VERSION</c> and the DTrace probes take it: its name, with
    /// <c>_</c> appended while a kernel header makes it an object-like macro (<c>curthread</c>), which
    /// those macros would expand. (The file names, <c>&lt;module&gt;.ko</c>, keep the name.)
    /// </summary>
    public static string ModuleToken(string module) => MacroFree(module);

    /// <summary>
    /// The name <c>SYSCALL_MODULE</c> registers (userland finds <c>sys/&lt;it&gt;</c> with modfind(2)) and
    /// the DTrace probe's function: the syscall's name, with <c>_</c> appended while it is a kernel macro (<c>curproc</c>).
    /// </summary>
    public static string SyscallModule(SyscallModel syscall) => SyscallModule(syscall.Name);

    /// <inheritdoc cref="SyscallModule(SyscallModel)"/>
    public static string SyscallModule(string syscall) => MacroFree(syscall);

    private static string MacroFree(string name)
    {
        while (KernelNamespace.IsObjectMacro(name))
        {
            name += "_";
        }

        return name;
    }

    /// <summary>Whether a file-scope name the backend builds meets no kernel name.</summary>
    public static bool IsFreeGlobal(string name) => !KernelNamespace.ClashesAsGlobal(name);

    /// <summary>
    /// The C tag of a C# struct: its <see cref="KStruct.Tag"/> (lower_snake, numbered when another struct
    /// has it), with <c>_</c> appended when a kernel or userland header has that tag (<c>timespec_</c>, <c>stat_</c>):
    /// the kernel file and <c>&lt;module&gt;.h</c> define it alike.
    /// </summary>
    public static string StructTag(KStruct type) =>
        KernelNamespace.ClashesAsTag(type.Tag) || UserlandNamespace.ClashesAsTag(type.Tag) ? type.Tag + "_" : type.Tag;

    /// <summary>
    /// Whether a tag the backend makes for a module (an enum's <c>&lt;module&gt;_&lt;snake_case&gt;</c>, an argument
    /// struct's) meets no kernel tag or name and none of the project's structs (<see cref="ModuleModel.StructTags"/>).
    /// </summary>
    public static bool IsFreeTag(ModuleModel module, string name) =>
        !KernelNamespace.ClashesAsTag(name) && IsFreeGlobal(name) && module.StructTags.BinarySearch(name, StringComparer.Ordinal) < 0;

    /// <summary>The module's malloc type: <c>M_&lt;MODULE&gt;</c>, unless the kernel declares that name.</summary>
    public static string MallocType(string module)
    {
        string name = "M_" + module.ToUpperInvariant();
        return IsFreeGlobal(name) ? name : "M_KMS_" + module.ToUpperInvariant();
    }

    /// <summary>The syscall entry point: <c>sys_&lt;stem&gt;</c>; in-tree, <c>sys_&lt;name&gt;</c> as sys/sysproto.h declares it.</summary>
    public static string SyscallEntry(ModuleModel module, SyscallModel syscall, bool inTree = false) =>
        "sys_" + (inTree ? syscall.Name : SyscallStem(module, syscall));

    /// <summary>The argument struct tag: <c>&lt;stem&gt;_args</c>; in-tree, <c>&lt;name&gt;_args</c> as sys/sysproto.h declares it.</summary>
    public static string ArgsStruct(ModuleModel module, SyscallModel syscall, bool inTree = false) =>
        (inTree ? syscall.Name : SyscallStem(module, syscall)) + "_args";

    /// <summary>The <c>struct sysent</c> a loadable syscall registers.</summary>
    public static string Sysent(ModuleModel module, SyscallModel syscall) => SyscallStem(module, syscall) + "_sysent";

    /// <summary>The slot variable <c>SYSCALL_MODULE</c> fills.</summary>
    public static string SyscallOffset(ModuleModel module, SyscallModel syscall) => SyscallStem(module, syscall) + "_offset";

    // The stem is the syscall's name when it starts with the module's (module counter, syscall
    // counter_add: sys_counter_add), else <module>_<syscall>; either way the kernel must not have
    // it (module sched, syscall sched_yield: sys_sched_sched_yield, never sys/sysproto.h's
    // sys_sched_yield), and no other syscall of the module (add and counter_add) may take it first.
    private static string SyscallStem(ModuleModel module, SyscallModel syscall)
    {
        string[] stems = Stems.GetValue(module, ChooseStems);
        for (int i = 0; i < stems.Length; i++)
        {
            if (ReferenceEquals(module.Syscalls[i], syscall) || module.Syscalls[i] == syscall)
            {
                return stems[i];
            }
        }

        throw new InternalCompilerException($"syscall '{syscall.Name}' is not one of module '{module.Name}'s");
    }

    // Each syscall's stem in the module's order: an earlier syscall takes a stem first.
    private static string[] ChooseStems(ModuleModel module)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        return [.. module.Syscalls.Select(syscall =>
        {
            string stem = FreeStem(module, syscall.Name, taken);
            taken.Add(stem);
            return stem;
        })];
    }

    private static string FreeStem(ModuleModel module, string syscall, HashSet<string> taken)
    {
        string prefixed = ModulePrefixed(module.Name, syscall);
        if (prefixed == syscall && IsFreeStem(module, syscall) && !taken.Contains(syscall))
        {
            return syscall;
        }

        string stem = $"{module.Name}_{syscall}";
        string numbered = stem;
        for (int i = 2; !IsFreeStem(module, numbered) || taken.Contains(numbered); i++)
        {
            numbered = $"{stem}_{i}";
        }

        return numbered;
    }

    // The argument struct's tag must meet neither the kernel's tags nor a user struct's (TagsMixArgs).
    private static bool IsFreeStem(ModuleModel module, string stem) =>
        IsFreeGlobal("sys_" + stem) && IsFreeGlobal(stem + "_sysent") && IsFreeGlobal(stem + "_offset") && IsFreeTag(module, stem + "_args");
}
