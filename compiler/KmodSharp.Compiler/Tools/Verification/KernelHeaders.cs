using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tools.Simulation;
using KmodSharp.Headers;

namespace KmodSharp.Compiler.Tools.Verification;

/// <summary>
/// The headers a module is compiled against, set up the way <c>bsd.kmod.mk</c> sets up a module's
/// object directory on amd64: a scratch folder (the <c>-I.</c>) holding <c>opt_global.h</c>, any
/// other <c>opt_*.h</c> asked for, and the <c>machine</c>/<c>x86</c>/<c>i386</c> include links;
/// the FreeBSD clang target; <c>-D_KERNEL -DKLD_MODULE -nostdinc -include opt_global.h</c>; and
/// kern.mk's code generation, language and warning flags (<c>-Werror</c> included). Either a real
/// FreeBSD tree (<see cref="FreeBsd"/>) or the host harness's own headers (<see cref="Host"/>).
/// Dispose to delete the scratch folder.
/// </summary>
public sealed class KernelHeaders : IDisposable
{
    // kern.mk (amd64) code generation: no FPU/SIMD, kernel code model, no red zone, wrapping signed arithmetic.
    private static readonly ImmutableArray<string> CodeGeneration =
    [
        "-O2", "-fno-strict-aliasing", "-mcmodel=kernel", "-mno-red-zone", "-mno-mmx", "-mno-sse", "-msoft-float",
        "-fno-asynchronous-unwind-tables", "-mno-aes", "-mno-avx", "-ffreestanding", "-fwrapv", "-fstack-protector",
        "-fno-common", "-fno-omit-frame-pointer", "-mno-omit-leaf-frame-pointer",
    ];

    private readonly ImmutableArray<string> includeDirectories;
    private readonly ImmutableArray<string> extraArguments;

    private KernelHeaders(string description, string targetTriple, ImmutableArray<string> includeDirectories, ImmutableArray<string> extraArguments, IEnumerable<string> globalOptions, int? freeBsdVersion = null)
    {
        Description = description;
        TargetTriple = targetTriple;
        FreeBsdVersion = freeBsdVersion;
        this.includeDirectories = includeDirectories;
        this.extraArguments = extraArguments;
        string? objectDirectory = null;
        OutputPaths.Run(Path.GetTempPath(), () => objectDirectory = Directory.CreateTempSubdirectory("kmodsharp-verify-").FullName);
        ObjectDirectory = objectDirectory!;
        OutputPaths.Run(GlobalOptionsHeader, () => File.WriteAllLines(GlobalOptionsHeader, globalOptions.Select(o => $"#define {o} 1")));
    }

    /// <summary>What the headers are, for messages: the tree's path or "the host harness headers".</summary>
    public string Description { get; }

    /// <summary>The clang target, e.g. <c>x86_64-unknown-freebsd15.1</c>.</summary>
    public string TargetTriple { get; }

    /// <summary>A FreeBSD tree's <c>__FreeBSD_version</c> (<c>1302001</c>); <see langword="null"/> for the host harness headers.</summary>
    public int? FreeBsdVersion { get; }

    /// <summary>The scratch object directory (<c>-I.</c>), deleted on dispose.</summary>
    public string ObjectDirectory { get; }

    private string GlobalOptionsHeader => Path.Combine(ObjectDirectory, "opt_global.h");

    /// <summary>A real FreeBSD tree: its headers, version, machine links, kern.mk flags and opt_global.h.</summary>
    /// <exception cref="FreeBsdTreeException">The folder is not a kernel source tree.</exception>
    public static KernelHeaders FreeBsd(string sysDir)
    {
        FreeBsdSourceTree tree = FreeBsdSourceTree.Open(sysDir);
        var headers = new KernelHeaders(
            tree.SysDir,
            tree.TargetTriple,
            tree.IncludeDirectories,
            ["-std=" + tree.LanguageStandard, .. tree.WarningFlags],
            tree.GlobalOptions(),
            tree.Version);
        foreach (string link in tree.IncludeLinks)
        {
            if (tree.LinkTarget(link == "machine" ? "amd64" : link) is { } target)
            {
                Directory.CreateSymbolicLink(Path.Combine(headers.ObjectDirectory, link), target);
            }
        }

        return headers;
    }

    /// <summary>
    /// The host harness headers (<c>runtime-shims/host/include</c>, found as the simulator finds
    /// them unless <paramref name="includeDirectory"/> is given), read with a FreeBSD target.
    /// </summary>
    public static KernelHeaders Host(string? includeDirectory = null, string targetTriple = "x86_64-unknown-freebsd15.0") => new(
        "the host harness headers",
        targetTriple,
        [includeDirectory ?? Path.Combine(HostHarnessLocation.Find(), "include")],
        [KmodSharp.Compiler.Tools.Simulation.KernMkFlags.LanguageStandard, "-Wall", "-Wstrict-prototypes", "-Wmissing-prototypes", "-Wpointer-arith", "-Wcast-qual", "-Wundef", "-Wno-pointer-sign", "-Wswitch"],
        ["SMP", "MAC", "VIMAGE"]);

    /// <summary>The include directories after <c>-I.</c>, in order.</summary>
    public ImmutableArray<string> IncludeDirectories => includeDirectories;

    /// <summary>The file an <c>#include &lt;name&gt;</c> finds (object directory first, links followed), or null.</summary>
    public string? Resolve(string include) =>
        new[] { ObjectDirectory }.Concat(includeDirectories).Select(d => Path.Combine(d, include)).FirstOrDefault(File.Exists);

    /// <summary>
    /// The read options for one file compiled as a module source: the file at
    /// <paramref name="filePath"/>, or in memory when <paramref name="contents"/> is given.
    /// </summary>
    public HeaderReadOptions Options(string filePath, string? contents, HeaderScope scope = HeaderScope.MainFile, bool evaluateMacros = false, bool warningsAsErrors = true) => new()
    {
        FilePath = filePath,
        Contents = contents,
        TargetTriple = TargetTriple,
        NoStandardIncludes = true,
        Freestanding = true,
        Defines = ["_KERNEL", "KLD_MODULE"],
        IncludeDirectories = [ObjectDirectory, .. includeDirectories],
        ForcedIncludes = [GlobalOptionsHeader],
        AdditionalArguments =
        [
            .. CodeGeneration, .. extraArguments,
            "-D__printf__=__freebsd_kprintf__",
            .. warningsAsErrors ? ["-Werror", .. KernMkFlags.ClangRelaxations] : KernMkFlags.ClangRelaxations,
            "-Wno-format-zero-length",
        ],
        Scope = scope,
        EvaluateMacros = evaluateMacros,
    };

    /// <summary>Creates an empty <c>opt_NAME.h</c> in the object directory, as bsd.kmod.mk does for an option header listed in SRCS.</summary>
    public void AddOptionHeader(string fileName)
    {
        string path = Path.Combine(ObjectDirectory, Path.GetFileName(fileName));
        if (!File.Exists(path))
        {
            File.WriteAllText(path, "");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            // Links are deleted as links: Directory.Delete does not follow them.
            Directory.Delete(ObjectDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover scratch folder in /tmp is harmless.
        }
    }
}
