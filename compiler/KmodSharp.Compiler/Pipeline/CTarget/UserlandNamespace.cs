using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;

namespace KmodSharp.Compiler.Pipeline.CTarget;

/// <summary>
/// The names a userland program already has, which the generated library's functions must not
/// take: a function <c>read</c> in lib&lt;module&gt;.c conflicts with <c>&lt;unistd.h&gt;</c>'s and,
/// linked into a program, replaces libc's own (stdio's <c>read</c>, a <c>kill</c> that signals).
/// Checked-in lists (<c>Names/Userland*.txt</c>, written by <c>tools/regenerate-header-names.sh</c>):
/// what <see cref="Headers"/> declare in FreeBSD 13.2's userland and in glibc (the harness compiles
/// the userland files on Linux too), and every FreeBSD 13.2 and 15 system call (<c>sys/sys/syscall.h</c>:
/// libc has a function for each); never the machine's headers, so the names are the same everywhere.
/// C's reserved spellings and the library's own names count too.
/// </summary>
internal static class UserlandNamespace
{
    // The POSIX headers whose functions a program calling the module most often has beside it.
    private static readonly string[] ProgramHeaders =
    [
        "assert.h", "ctype.h", "fcntl.h", "limits.h", "poll.h", "pthread.h", "signal.h", "stdarg.h", "stdlib.h",
        "sys/ioctl.h", "sys/mman.h", "sys/resource.h", "sys/socket.h", "sys/stat.h", "sys/time.h", "sys/uio.h",
        "sys/wait.h", "time.h",
    ];

    // What the library calls or defines itself, whatever the headers say.
    private static readonly FrozenSet<string> LibraryNames = new HashSet<string>
    {
        "main", "syscall", "modfind", "modstat", "errno",
    }.ToFrozenSet();

    private static readonly Lazy<NameList> ObjectMacros = new(() => NameList.Read("UserlandObjectMacros.txt"));
    private static readonly Lazy<NameList> Identifiers = new(() => NameList.Read("UserlandIdentifiers.txt"));
    private static readonly Lazy<NameList> Tags = new(() => NameList.Read("UserlandTags.txt"));

    /// <summary>Whether a userland function of that name would meet one a program already has.</summary>
    public static bool Clashes(string name) =>
        Analyzers.Subset.CIdentifiers.IsKeyword(name) || name.StartsWith("__", StringComparison.Ordinal) || name.StartsWith("kms_", StringComparison.Ordinal)
        || (name.Length > 1 && name[0] == '_' && char.IsAsciiLetterUpper(name[1]))
        || LibraryNames.Contains(name) || ObjectMacros.Value.Contains(name) || Identifiers.Value.Contains(name);

    /// <summary>Whether a userland header defines that name as an object-like macro (<c>stdin</c>, <c>errno</c>).</summary>
    public static bool IsObjectMacro(string name) => ObjectMacros.Value.Contains(name);

    /// <summary>Whether a struct, union or enum tag of that name would meet one the userland headers declare (<c>stat</c>, <c>tm</c>).</summary>
    public static bool ClashesAsTag(string name) => Tags.Value.Contains(name) || ObjectMacros.Value.Contains(name);

    /// <summary>The userland headers the lists cover: the generated files' and <see cref="ProgramHeaders"/>.</summary>
    public static IEnumerable<string> Headers => CIncludes.UserlandLibrary.Concat(CIncludes.InTreeUserlandLibrary).Concat(CIncludes.UserlandHeader).Concat(CIncludes.UserTestProgram).Concat(ProgramHeaders).Distinct();
}
