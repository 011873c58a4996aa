using System.Collections.Generic;
using KmodSharp.Compiler.Tools.Simulation;
using KmodSharp.Packaging.Tests.Support;
using Xunit;

namespace KmodSharp.Packaging.Tests.RealPkg;

/// <summary>
/// What real <c>pkg add</c> does with the release a package was built for, on a FreeBSD 13.2 userland
/// (<c>OSVERSION=1302001</c>): the <c>FreeBSD_version</c> annotation within the branch
/// (libpkg/utils.c <c>is_valid_os_version</c>), the ABI's major across branches (libpkg/pkg_add.c).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RealPkgVersionTests
{
    [PkgFact]
    public void A_package_for_a_newer_release_of_the_branch_is_refused_unless_the_user_ignores_it()
    {
        // pkg asks "Ignore the mismatch and continue? [y/N]" for less than 100000 newer; no answer is no.
        using var temp = new TempDirectory("kmodsharp-realpkg");
        string package = RealPkgExampleTests.Package("Counter", temp.Combine("out"), RealPkgTool.TargetOsVersion + 499);
        var pkg = new RealPkgTool(temp.Combine("pkg"));

        ProcessOutcome refused = pkg.Add(package);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("Newer FreeBSD version for package counter-kmod", refused.Stdout + refused.Stderr, System.StringComparison.Ordinal);
        Assert.Contains($"- package: {RealPkgTool.TargetOsVersion + 499}", refused.Stdout + refused.Stderr, System.StringComparison.Ordinal);
        Assert.Empty(pkg.InstalledFiles());
        Assert.Equal(1, pkg.Run("info", "-e", "counter-kmod").ExitCode);

        Assert.Equal(0, pkg.Add(package, new Dictionary<string, string> { ["IGNORE_OSVERSION"] = "yes" }).ExitCode);
        Assert.Equal(0, pkg.Run("info", "-e", "counter-kmod").ExitCode);
    }

    [PkgFact]
    public void A_package_for_the_next_major_release_is_refused_by_its_ABI()
    {
        using var temp = new TempDirectory("kmodsharp-realpkg");
        string package = RealPkgExampleTests.Package("Counter", temp.Combine("out"), 1400000);
        var pkg = new RealPkgTool(temp.Combine("pkg"));

        ProcessOutcome refused = pkg.Add(package);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains($"wrong architecture: FreeBSD:14:* instead of {RealPkgTool.TargetAbi}", refused.Stdout + refused.Stderr, System.StringComparison.Ordinal);
        Assert.Empty(pkg.InstalledFiles());
    }

    [PkgFact]
    public void A_package_for_an_older_release_of_the_branch_installs()
    {
        using var temp = new TempDirectory("kmodsharp-realpkg");
        string package = RealPkgExampleTests.Package("Counter", temp.Combine("out"), 1301000);
        var pkg = new RealPkgTool(temp.Combine("pkg"));

        Assert.Equal(0, pkg.Add(package).ExitCode);
        Assert.Contains("FreeBSD_version=1301000", pkg.Run("query", "%At=%Av", "counter-kmod").Stdout.Split('\n'));
    }
}
