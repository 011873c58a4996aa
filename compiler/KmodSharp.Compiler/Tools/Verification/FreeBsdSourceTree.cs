using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace KmodSharp.Compiler.Tools.Verification;

/// <summary>A FreeBSD source tree was asked for and the folder is not one (a usage error, exit 2).</summary>
public sealed class FreeBsdTreeException(string message) : Exception(message);

/// <summary>
/// A FreeBSD kernel source tree (<c>SYSDIR</c>, e.g. <c>/usr/src/sys</c>) and the facts a module
/// build takes from it: the version (for the clang target), where the machine headers live (stock
/// <c>amd64/include</c> or <c>arch/amd64/include</c> on trees that moved them), and the language
/// standard and warning flags <c>conf/kern.mk</c> sets.
/// </summary>
public sealed partial record FreeBsdSourceTree(string SysDir, int Version, bool HasArchDirectory, string LanguageStandard, ImmutableArray<string> WarningFlags, ImmutableArray<string> IncludeLinks)
{
    // sys/conf/kern.mk in 15: what a clang build gets when kern.mk cannot be read.
    private static readonly ImmutableArray<string> DefaultWarnings =
    [
        "-Wall", "-Wstrict-prototypes", "-Wmissing-prototypes", "-Wpointer-arith", "-Wcast-qual",
        "-Wundef", "-Wno-pointer-sign", "-Wmissing-include-dirs", "-Wno-unknown-pragmas", "-Wswitch",
    ];

    /// <summary>The clang target bsd.kmod.mk builds for on amd64, e.g. <c>x86_64-unknown-freebsd13.2</c>.</summary>
    public string TargetTriple => $"x86_64-unknown-freebsd{Version / 100000}.{Version / 1000 % 100}";

    /// <summary>
    /// Opens <paramref name="directory"/> as <c>SYSDIR</c>: it must hold <c>kern/</c>,
    /// <c>conf/kmod.mk</c> and <c>sys/param.h</c>, as bsd.sysdir.mk checks. A source root with
    /// a <c>sys/</c> folder is accepted too.
    /// </summary>
    /// <exception cref="FreeBsdTreeException">The folder is missing or is not a kernel source tree.</exception>
    public static FreeBsdSourceTree Open(string directory)
    {
        string full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw new FreeBsdTreeException($"'{directory}' does not exist");
        }

        if (!IsSysDir(full) && IsSysDir(Path.Combine(full, "sys")))
        {
            full = Path.Combine(full, "sys");
        }

        if (!IsSysDir(full))
        {
            throw new FreeBsdTreeException($"'{directory}' is not a FreeBSD kernel source tree (no kern/, conf/kmod.mk and sys/param.h); pass the sys folder, e.g. /usr/src/sys");
        }

        int version = ReadVersion(Path.Combine(full, "sys", "param.h"))
            ?? throw new FreeBsdTreeException($"'{Path.Combine(full, "sys", "param.h")}' defines no __FreeBSD_version");
        string kernMk = Path.Combine(full, "conf", "kern.mk");
        string text = File.Exists(kernMk) ? File.ReadAllText(kernMk) : "";

        // kmod.mk links machine and x86 on amd64; 15-derived trees add i386.
        bool linksI386 = File.ReadAllText(Path.Combine(full, "conf", "kmod.mk")).Contains("_ILINKS+=i386", StringComparison.Ordinal);
        return new FreeBsdSourceTree(
            full,
            version,
            Directory.Exists(Path.Combine(full, "arch", "amd64")),
            LanguageStandardOf(text),
            WarningsOf(text),
            linksI386 ? ["machine", "x86", "i386"] : ["machine", "x86"]);
    }

    /// <summary>
    /// Where an include link of the object directory points, as kmod.mk's <c>${_ILINKS}</c> rule
    /// resolves it: <c>arch/&lt;m&gt;/include</c> when the tree has it, else <c>&lt;m&gt;/include</c>;
    /// <see langword="null"/> when neither exists.
    /// </summary>
    public string? LinkTarget(string machine)
    {
        string arch = Path.Combine(SysDir, "arch", machine, "include");
        string stock = Path.Combine(SysDir, machine, "include");
        return Directory.Exists(arch) ? arch : Directory.Exists(stock) ? stock : null;
    }

    /// <summary>The <c>-I</c> directories after <c>-I.</c>: <c>SYSDIR</c>, <c>SYSDIR/arch</c> on trees that have it, and CK.</summary>
    public ImmutableArray<string> IncludeDirectories =>
        HasArchDirectory
            ? [SysDir, Path.Combine(SysDir, "arch"), Path.Combine(SysDir, "contrib", "ck", "include")]
            : [SysDir, Path.Combine(SysDir, "contrib", "ck", "include")];

    /// <summary>
    /// The <c>options</c> config.mk writes into <c>opt_global.h</c> for a module built without
    /// <c>KERNBUILDDIR</c>: SMP, MAC, VIMAGE, then every non-GEOM option of amd64's DEFAULTS.
    /// </summary>
    public ImmutableArray<string> GlobalOptions()
    {
        List<string> options = ["SMP", "MAC", "VIMAGE"];
        string? defaults = new[] { Path.Combine(SysDir, "arch", "amd64", "conf", "DEFAULTS"), Path.Combine(SysDir, "amd64", "conf", "DEFAULTS") }
            .FirstOrDefault(File.Exists);
        if (defaults is not null)
        {
            foreach (string line in File.ReadLines(defaults))
            {
                string[] words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (words.Length >= 2 && words[0] == "options" && !words[1].Contains("GEOM_", StringComparison.Ordinal))
                {
                    options.Add(words[1].Split('=')[0]);
                }
            }
        }

        return [.. options.Distinct()];
    }

    private static bool IsSysDir(string directory) =>
        Directory.Exists(Path.Combine(directory, "kern"))
        && File.Exists(Path.Combine(directory, "conf", "kmod.mk"))
        && File.Exists(Path.Combine(directory, "sys", "param.h"));

    private static int? ReadVersion(string paramH)
    {
        Match match = VersionPattern().Match(File.ReadAllText(paramH));
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static string LanguageStandardOf(string kernMk)
    {
        Match match = CstdPattern().Match(kernMk);
        string cstd = match.Success ? match.Groups[1].Value : "gnu99";
        return cstd switch
        {
            "c89" or "c90" => "iso9899:1990",
            "c94" or "c95" => "iso9899:199409",
            "c99" => "iso9899:1999",
            _ => cstd,
        };
    }

    // The first CWARNFLAGS?= assignment and its continuation lines; ${...} parts are left out.
    private static ImmutableArray<string> WarningsOf(string kernMk)
    {
        Match match = CwarnPattern().Match(kernMk);
        if (!match.Success)
        {
            return DefaultWarnings;
        }

        string body = match.Groups[1].Value.Replace("\\\n", " ", StringComparison.Ordinal);
        return [.. body.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.StartsWith("-W", StringComparison.Ordinal))];
    }

    [GeneratedRegex(@"^#define\s+__FreeBSD_version\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^CSTD\??=\s*(\S+)", RegexOptions.Multiline)]
    private static partial Regex CstdPattern();

    [GeneratedRegex(@"^CWARNFLAGS\?=((?:[^\n]*\\\n)*[^\n]*)", RegexOptions.Multiline)]
    private static partial Regex CwarnPattern();
}
