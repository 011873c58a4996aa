using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using KmodSharp.Headers;

namespace KmodSharp.Compiler.Pipeline.CTarget;

/// <summary>
/// The names a userland program already has, which the generated library's functions must not
/// take: a function <c>read</c> in lib&lt;module&gt;.c conflicts with <c>&lt;unistd.h&gt;</c>'s and,
/// linked into a program, replaces libc's own (stdio's <c>read</c>, a <c>kill</c> that signals).
/// Read once per process with the header reader from the headers the generated files include and
/// the POSIX headers a program includes beside them, as the host compiler finds them; with
/// <c>FREEBSD_SYSDIR</c>, also every FreeBSD system call (<c>sys/sys/syscall.h</c>: libc has a
/// function for each). C's reserved spellings and the library's own names count too.
/// </summary>
internal static partial class UserlandNamespace
{
    // The POSIX headers whose functions a program calling the module most often has beside it.
    private static readonly string[] ProgramHeaders =
    [
        "assert.h", "ctype.h", "fcntl.h", "limits.h", "poll.h", "pthread.h", "signal.h", "stdarg.h", "stdlib.h",
        "sys/ioctl.h", "sys/mman.h", "sys/resource.h", "sys/socket.h", "sys/stat.h", "sys/time.h", "sys/uio.h",
        "sys/wait.h", "time.h",
    ];

    // What the library calls or defines itself, whatever the host's headers say.
    private static readonly FrozenSet<string> LibraryNames = new HashSet<string>
    {
        "main", "syscall", "modfind", "modstat", "errno",
    }.ToFrozenSet();

    private static readonly Lazy<(FrozenSet<string> All, FrozenSet<string> ObjectMacros)> HeaderNames = new(ReadHeaders);

    private static readonly Lazy<FrozenSet<string>> FreeBsdSyscalls = new(() =>
        Environment.GetEnvironmentVariable("FREEBSD_SYSDIR") is { Length: > 0 } sysDir && File.Exists(Path.Combine(sysDir, "sys", "syscall.h"))
            ? SyscallDefine().Matches(File.ReadAllText(Path.Combine(sysDir, "sys", "syscall.h"))).Select(m => m.Groups[1].Value).ToFrozenSet()
            : FrozenSet<string>.Empty);

    /// <summary>Whether a userland function of that name would meet one a program already has.</summary>
    public static bool Clashes(string name) =>
        Analyzers.Subset.CIdentifiers.IsKeyword(name) || name.StartsWith("__", StringComparison.Ordinal) || name.StartsWith("kms_", StringComparison.Ordinal)
        || (name.Length > 1 && name[0] == '_' && char.IsAsciiLetterUpper(name[1]))
        || LibraryNames.Contains(name) || HeaderNames.Value.All.Contains(name) || FreeBsdSyscalls.Value.Contains(name);

    /// <summary>Whether a userland header defines that name as an object-like macro (<c>stdin</c>, <c>errno</c>).</summary>
    public static bool IsObjectMacro(string name) => HeaderNames.Value.ObjectMacros.Contains(name);

    /// <summary>The userland headers read: the generated files' and <see cref="ProgramHeaders"/>.</summary>
    public static IEnumerable<string> Headers => CIncludes.UserlandLibrary.Concat(CIncludes.UserlandHeader).Concat(CIncludes.UserTestProgram).Concat(ProgramHeaders).Distinct();

    private static (FrozenSet<string>, FrozenSet<string>) ReadHeaders()
    {
        // A header the host lacks (sys/module.h off FreeBSD) is skipped, not fatal.
        string source = string.Concat(Headers.Select(h => $"#if __has_include(<{h}>)\n#include <{h}>\n#endif\n"));
        HeaderReadResult result;
        try
        {
            result = HeaderReader.Read(new HeaderReadOptions
            {
                FilePath = Path.Combine(Path.GetTempPath(), "kms_userland_names.c"),
                Contents = source,
                Scope = HeaderScope.AllFiles,
                EvaluateMacros = false,
            });
        }
        catch (DllNotFoundException)
        {
            return (LibraryNames, FrozenSet<string>.Empty);
        }

        IEnumerable<string> all = result.Functions.Select(f => f.Name)
            .Concat(result.Variables)
            .Concat(result.Typedefs.Select(t => t.Name))
            .Concat(result.Enums.SelectMany(e => e.Constants.Select(c => c.Name)))
            .Concat(result.MacroNames.Select(m => m.Name));
        return (all.ToFrozenSet(), result.MacroNames.Where(m => !m.IsFunctionLike).Select(m => m.Name).ToFrozenSet());
    }

    [GeneratedRegex(@"^#define\s+SYS_(\w+)\s+\d+", RegexOptions.Multiline)]
    private static partial Regex SyscallDefine();
}
