using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Tools.Simulation;

namespace KmodSharp.Packaging.Tests.RealPkg;

/// <summary>
/// FreeBSD's own <c>pkg</c> (<c>KMODSHARP_PKG</c>, built for Linux by build-pkg.sh) working on a scratch
/// root with <c>pkg -r</c>, as FreeBSD 13.2 amd64 (<c>ABI</c>/<c>OSVERSION</c>, pkg_config.c) and without
/// chown (<c>INSTALL_AS_USER</c>: Linux has no group wheel).
/// </summary>
/// <remarks>
/// With <c>-r</c> pkg neither chroots nor jails: it keeps its database under the root
/// (<c>PKG_DBDIR</c> defaults to <c>ROOT/var/db/pkg</c>) and runs package scripts with the host's
/// <c>/bin/sh</c>, <c>PKG_ROOTDIR</c> set to the root (libpkg/scripts.c). A script's
/// <c>/usr/sbin/kldxref</c> is therefore the host's: each <c>add</c> and <c>delete</c> runs in its own mount namespace
/// (<c>unshare</c>) where <c>/usr/sbin</c> is a folder holding a <c>kldxref</c> that records its
/// arguments, so a test sees which folder the package asked to index, and the host is untouched.
/// </remarks>
internal sealed class RealPkgTool
{
    /// <summary>FreeBSD 13.2-RELEASE's <c>__FreeBSD_version</c> (sys/sys/param.h of the rig's tree).</summary>
    public const int TargetOsVersion = 1302001;

    public const string TargetAbi = "FreeBSD:13:amd64";

    private readonly string stubs;

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public RealPkgTool(string folder, int osVersion = TargetOsVersion)
    {
        Root = Path.Combine(folder, "root");
        stubs = Path.Combine(folder, "sbin");
        KldxrefLog = Path.Combine(folder, "kldxref.log");
        OsVersion = osVersion;
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(stubs);
        string kldxref = Path.Combine(stubs, "kldxref");
        File.WriteAllText(kldxref, $"#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{KldxrefLog}'\n");
        File.SetUnixFileMode(kldxref, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public static string? Binary => Environment.GetEnvironmentVariable("KMODSHARP_PKG") is { Length: > 0 } value ? value : null;

    /// <summary>Why real-pkg tests cannot run here, or null when they can.</summary>
    public static string? SkipReason => Binary switch
    {
        _ when !OperatingSystem.IsLinux() => "the real-pkg tests run pkg in a Linux mount namespace (unshare)",
        null => "set KMODSHARP_PKG to FreeBSD's pkg built for Linux (tests/KmodSharp.Packaging.Tests/RealPkg/build-pkg.sh prints its path) to install the examples' packages with it",
        { } pkg when !File.Exists(pkg) => $"KMODSHARP_PKG='{pkg}' does not exist",
        _ => null,
    };

    /// <summary>The scratch root pkg installs into.</summary>
    public string Root { get; }

    /// <summary>The userland version pkg is told it runs on (<c>OSVERSION</c>).</summary>
    public int OsVersion { get; }

    private string KldxrefLog { get; }

    /// <summary>The arguments of every <c>/usr/sbin/kldxref</c> the packages' scripts ran, in order.</summary>
    public IReadOnlyList<string> KldxrefCalls => File.Exists(KldxrefLog) ? File.ReadAllLines(KldxrefLog) : [];

    /// <summary>Where a package's absolute path lands under the root.</summary>
    public string Under(string path) => Path.Combine(Root, path.TrimStart('/'));

    /// <summary><c>pkg -r ROOT add PACKAGE</c>, its scripts seeing the stub kldxref; stdin is empty, so a question pkg asks gets its default answer.</summary>
    public ProcessOutcome Add(string package, IDictionary<string, string>? environment = null) =>
        Run(environment, withScripts: true, "add", package);

    /// <summary><c>pkg -r ROOT delete -y NAME</c>, its scripts seeing the stub kldxref.</summary>
    public ProcessOutcome Delete(string name) => Run(null, withScripts: true, "delete", "-y", name);

    /// <summary>A <c>pkg -r ROOT</c> command that runs no script (info, query, check).</summary>
    public ProcessOutcome Run(params string[] arguments) => Run(null, withScripts: false, arguments);

    private ProcessOutcome Run(IDictionary<string, string>? environment, bool withScripts, params string[] arguments)
    {
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["ABI"] = TargetAbi,
            ["OSVERSION"] = OsVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["INSTALL_AS_USER"] = "yes",
        };
        string[] pkg = [Path.GetFullPath(Binary!), "-r", Root, .. arguments];
        if (!withScripts)
        {
            // Not in the namespace: as root, pkg drops to "nobody" for these, which a user namespace that maps root alone cannot do.
            return ProcessRunner.Run(pkg[0], pkg[1..], variables, TimeSpan.FromMinutes(2));
        }

        // unshare -r maps the caller to root in a new user namespace, which may then mount in its own mount namespace.
        return ProcessRunner.Run("unshare", ["-r", "-m", "/bin/sh", "-c", "mount --bind \"$0\" /usr/sbin && exec \"$@\"", stubs, .. pkg], variables, TimeSpan.FromMinutes(2));
    }

    /// <summary>Every regular file under the root except pkg's own database, as absolute paths of the target.</summary>
    public IReadOnlyList<string> InstalledFiles() =>
        [.. Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(f => "/" + Path.GetRelativePath(Root, f))
            .Where(f => !f.StartsWith("/var/db/pkg/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
}
