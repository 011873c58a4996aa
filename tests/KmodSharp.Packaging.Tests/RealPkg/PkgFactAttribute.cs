using System;
using Xunit;

namespace KmodSharp.Packaging.Tests.RealPkg;

/// <summary>
/// A test that runs FreeBSD's own <c>pkg</c>, built for Linux by <c>build-pkg.sh</c> and named by
/// <c>KMODSHARP_PKG</c>. Without it the test is skipped with the reason shown (xunit 2 has no dynamic
/// skip, so the attribute decides when it is constructed).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PkgFactAttribute : FactAttribute
{
    public PkgFactAttribute() => Skip = RealPkgTool.SkipReason;
}

/// <inheritdoc cref="PkgFactAttribute"/>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PkgTheoryAttribute : TheoryAttribute
{
    public PkgTheoryAttribute() => Skip = RealPkgTool.SkipReason;
}

/// <summary>A real-pkg test that also packages modules built by the FreeBSD 13.2 rig (<c>FREEBSD_RIG</c>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PkgRigTheoryAttribute : TheoryAttribute
{
    public PkgRigTheoryAttribute() => Skip = RealPkgTool.SkipReason ?? RigModules.SkipReason;
}
