namespace KmodSharp.Compiler.Tools.Packaging;

/// <summary>Where a kernel module package installs each kind of file (hier(7) and kmod.mk's <c>KMODDIR</c>).</summary>
public static class PkgLayout
{
    /// <summary>The package prefix, as for every port.</summary>
    public const string Prefix = "/usr/local";

    /// <summary>Third-party modules (bsd.own.mk <c>KMODDIR?= /boot/modules</c>); <c>kldxref</c> indexes it.</summary>
    public const string ModuleDirectory = "/boot/modules";

    /// <summary>The generated source and Makefile, ready for <c>make</c> on the target.</summary>
    public static string SourceDirectory(string module) => $"{Prefix}/share/kmodsharp/{module}";

    /// <summary>Section 2 manual pages (system calls).</summary>
    public const string ManualDirectory = Prefix + "/share/man/man2";

    /// <summary>Userland C headers.</summary>
    public const string IncludeDirectory = Prefix + "/include";

    /// <summary>
    /// The post-install and post-deinstall script of a package that carries a <c>.ko</c>: rebuild
    /// <c>linker.hints</c> so <c>kldload &lt;name&gt;</c> finds the module. pkg sets <c>PKG_ROOTDIR</c>
    /// (libpkg/scripts.c; <c>/</c> unless <c>pkg -r</c>), so a package installed into a jail or image
    /// re-indexes that root, not the host's, as the ports' <c>@kld</c> keyword does.
    /// </summary>
    public const string KldxrefScript = "/usr/sbin/kldxref ${PKG_ROOTDIR}" + ModuleDirectory;
}
