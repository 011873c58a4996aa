namespace KmodSharp.Compiler.Tools.Packaging;

/// <summary>
/// What a package is built for. <paramref name="FreeBsdVersion"/> is the <c>__FreeBSD_version</c>
/// (osreldate) of the headers the module is built against: the module's kernel dependency
/// (<c>DECLARE_MODULE</c>'s <c>MODULE_DEPEND</c>) accepts that version up to the end of its branch.
/// </summary>
public sealed record PackageOptions(
    int FreeBsdVersion,
    string? Version = null,
    KernelObjectFile? KernelObject = null,
    string Maintainer = "nobody@localhost",
    string Www = "https://github.com/kmodsharp/kmodsharp")
{
    /// <summary>The release our host headers model (runtime-shims/host sys/param.h), the default target.</summary>
    public const int DefaultFreeBsdVersion = 1501502;

    /// <summary>The FreeBSD major release, as pkg's ABI names it (<c>FreeBSD:15:amd64</c>).</summary>
    public int Major => FreeBsdVersion / 100000;

    /// <summary><c>MODULE_KERNEL_MAXVER</c>: <c>roundup(__FreeBSD_version, 100000) - 1</c>.</summary>
    public int MaximumKernelVersion => ((FreeBsdVersion + 99999) / 100000 * 100000) - 1;

    /// <summary>osreldate is seven digits (<c>MMmmRRR</c>) for every release pkg supports.</summary>
    public static bool IsValidFreeBsdVersion(int version) => version is >= 1000000 and <= 9999999;
}
