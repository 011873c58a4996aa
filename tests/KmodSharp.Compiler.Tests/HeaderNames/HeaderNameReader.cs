using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using KmodSharp.Compiler.Tools.Verification;
using KmodSharp.Headers;

namespace KmodSharp.Compiler.Tests.HeaderNames;

/// <summary>
/// Reads, with libclang, the names the checked-in lists (<c>Pipeline/CTarget/Names</c>) hold: what
/// the kernel headers generated C may include declare, as a module build sees them, and what the
/// userland headers the generated files and a program beside them include declare. Test-side only:
/// translation never reads headers.
/// </summary>
internal static partial class HeaderNameReader
{
    /// <summary>The names <see cref="CIncludes.AllKernel"/> declare under these kernel headers (kern.mk flags, opt_global.h).</summary>
    public static HeaderNameSet Kernel(KernelHeaders headers)
    {
        string source = string.Concat(CIncludes.AllKernel.Select(h => $"#include <{h}>\n"));
        return Read(headers.Options(Path.Combine(headers.ObjectDirectory, "kms_names.c"), source, HeaderScope.AllFiles, evaluateMacros: false, warningsAsErrors: false));
    }

    /// <summary>The names <see cref="UserlandNamespace.Headers"/> declare with the host's C library (glibc here).</summary>
    public static HeaderNameSet HostUserland() => Userland(new HeaderReadOptions
    {
        FilePath = "kms_userland_names.c",
        AdditionalArguments = ["-resource-dir", ClangResourceDirectory()],
    });

    /// <summary>The names <see cref="UserlandNamespace.Headers"/> declare in a FreeBSD system root's <c>usr/include</c> (amd64).</summary>
    public static HeaderNameSet FreeBsdUserland(string sysroot, string targetTriple = "x86_64-unknown-freebsd13.2") => Userland(new HeaderReadOptions
    {
        FilePath = "kms_userland_names.c",
        TargetTriple = targetTriple,
        NoStandardIncludes = true,
        SystemIncludeDirectories = [Path.Combine(sysroot, "usr", "include")],
    });

    /// <summary>The system calls a kernel tree numbers (<c>sys/syscall.h</c>'s <c>SYS_name</c>): libc has a function for each.</summary>
    public static IEnumerable<string> Syscalls(string sysDir) =>
        SyscallDefine().Matches(File.ReadAllText(Path.Combine(sysDir, "sys", "syscall.h"))).Select(m => m.Groups[1].Value);

    // The compiler's own headers (stddef.h, limits.h), which glibc's include: libclang from NuGet has
    // none of its own, so those of the host's clang.
    private static string ClangResourceDirectory()
    {
        string clang = new[] { "clang" }.Concat(Enumerable.Range(14, 9).Reverse().Select(v => $"clang-{v}")).Select(RequiresToolTheoryAttribute.Find).OfType<string>().FirstOrDefault()
            ?? throw new System.InvalidOperationException("reading glibc's headers needs a clang on PATH for its resource directory (apt-get install clang-16)");
        return ProcessRunner.Run(clang, ["-print-resource-dir"]).Stdout.Trim();
    }

    private static HeaderNameSet Userland(HeaderReadOptions options)
    {
        // A header the C library lacks (sys/module.h off FreeBSD) is skipped, not fatal.
        string source = string.Concat(UserlandNamespace.Headers.Select(h => $"#if __has_include(<{h}>)\n#include <{h}>\n#endif\n"));
        return Read(options with { Contents = source, Scope = HeaderScope.AllFiles, EvaluateMacros = false });
    }

    private static HeaderNameSet Read(HeaderReadOptions options)
    {
        HeaderReadResult result = HeaderReader.Read(options);
        if (result.HasErrors)
        {
            throw new System.InvalidOperationException($"{options.FilePath}: " + string.Join("; ", result.Diagnostics.Where(d => d.IsError)));
        }

        return HeaderNameSet.Of(
            result.MacroNames.Where(m => !m.IsFunctionLike).Select(m => m.Name),
            result.Typedefs.Select(t => t.Name),
            result.Functions.Select(f => f.Name)
                .Concat(result.Variables)
                .Concat(result.Enums.SelectMany(e => e.Constants.Select(c => c.Name)))
                .Concat(result.MacroNames.Where(m => m.IsFunctionLike).Select(m => m.Name)),
            result.Records.Select(r => r.Name).Concat(result.Enums.Select(e => e.Name)));
    }

    [GeneratedRegex(@"^#define\s+SYS_(\w+)\s+\d+", RegexOptions.Multiline)]
    private static partial Regex SyscallDefine();
}
