using System.Collections.Frozen;
using System.Collections.Generic;

namespace KmodSharp.Compiler.Lowering;

/// <summary>
/// C names for C# names: readable (they follow the C# name) and never a C keyword, a kernel
/// macro or a name our generated code uses itself.
/// </summary>
public static class CNames
{
    private static readonly FrozenSet<string> Reserved = new HashSet<string>
    {
        // C keywords (C17 and the GNU extensions kernel code compiles with).
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
        "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
        "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while",
        "_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary", "_Noreturn", "_Static_assert",
        "_Thread_local", "asm", "typeof", "bool", "true", "false",

        // Kernel names a local could shadow or a macro could rewrite.
        "td", "uap", "arg", "error", "curthread", "curproc", "printf", "malloc", "free", "copyin", "copyout", "copyinstr",
        "bzero", "memset", "memcpy", "strlen", "min", "max", "imin", "imax", "lmin", "lmax", "ulmin", "ulmax", "howmany",
        "roundup", "rounddown", "nitems", "offsetof", "MIN", "MAX", "NULL", "panic", "KASSERT", "MPASS", "hz", "ticks",
        "retval", "resultp", "module", "mod", "what", "data",
    }.ToFrozenSet();

    /// <summary>A C identifier for a C# local or parameter.</summary>
    public static string Local(string name)
    {
        string escaped = name.StartsWith('@') ? name[1..] : name;
        return Reserved.Contains(escaped) || escaped.StartsWith("kms_", System.StringComparison.Ordinal) ? escaped + "_" : escaped;
    }

    /// <summary>The C function for a C# method of a module: <c>&lt;module&gt;_&lt;snake_case&gt;</c>.</summary>
    public static string Function(string module, string method) => $"{module}_{Frontend.ModuleBinder.SnakeCase(method)}";

    /// <summary>The syscall entry point, named like the kernel's own (<c>sys_&lt;name&gt;</c>).</summary>
    public static string SyscallEntry(string syscall) => "sys_" + syscall;

    /// <summary>The argument struct tag, as sys/sysproto.h names them.</summary>
    public static string ArgsStruct(string syscall) => syscall + "_args";
}
