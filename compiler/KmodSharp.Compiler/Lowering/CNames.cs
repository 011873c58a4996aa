using System.Collections.Frozen;
using System.Collections.Generic;

namespace KmodSharp.Compiler.Lowering;

/// <summary>
/// C names for C# names: readable (they follow the C# name) and never a C keyword, a kernel
/// macro or a name our generated code uses itself.
/// </summary>
public static class CNames
{
    // Kernel names a local could shadow or a macro could rewrite; C keywords come from the analyzer's list.
    private static readonly FrozenSet<string> KernelNames = new HashSet<string>
    {
        "td", "uap", "arg", "error", "curthread", "curproc", "printf", "malloc", "free", "copyin", "copyout", "copyinstr",
        "bzero", "memset", "memcpy", "strlen", "min", "max", "imin", "imax", "lmin", "lmax", "ulmin", "ulmax", "howmany",
        "roundup", "rounddown", "nitems", "offsetof", "MIN", "MAX", "NULL", "panic", "KASSERT", "MPASS", "hz", "ticks",
        "retval", "resultp", "module", "mod", "what", "data",
    }.ToFrozenSet();

    /// <summary>A C identifier for a C# local or parameter.</summary>
    public static string Local(string name)
    {
        string escaped = name.StartsWith('@') ? name[1..] : name;
        return Analyzers.Subset.CNames.IsKeyword(escaped) || KernelNames.Contains(escaped) || escaped.StartsWith("kms_", System.StringComparison.Ordinal) ? escaped + "_" : escaped;
    }

    /// <summary>The C function for a C# method of a module: <c>&lt;module&gt;_&lt;snake_case&gt;</c>.</summary>
    public static string Function(string module, string method) => $"{module}_{Frontend.ModuleBinder.SnakeCase(method)}";

    /// <summary>The syscall entry point, named like the kernel's own (<c>sys_&lt;name&gt;</c>).</summary>
    public static string SyscallEntry(string syscall) => "sys_" + syscall;

    /// <summary>The argument struct tag, as sys/sysproto.h names them.</summary>
    public static string ArgsStruct(string syscall) => syscall + "_args";
}
