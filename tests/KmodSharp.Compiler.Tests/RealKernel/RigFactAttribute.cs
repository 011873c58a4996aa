using System;
using Xunit;

namespace KmodSharp.Compiler.Tests.RealKernel;

/// <summary>
/// A test that boots a real FreeBSD 13.2 kernel: the rig <c>FREEBSD_RIG</c> names (the folder its
/// <c>build.sh</c> made, e.g. <c>/tmp/fbsd-rig</c>, with <c>run-user.sh</c>). Without it the test is
/// skipped with a reason the runner shows: xunit 2 has no dynamic skip, so the attribute decides when
/// it is constructed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RigTheoryAttribute : TheoryAttribute
{
    public RigTheoryAttribute() => Skip = Rig.SkipReason;
}

/// <inheritdoc cref="RigTheoryAttribute"/>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RigFactAttribute : FactAttribute
{
    public RigFactAttribute() => Skip = Rig.SkipReason;
}

/// <summary>A rig test that also compiles syscalls into a kernel: <c>FREEBSD_RIG_INTREE</c> names the rig's <c>build-intree.sh</c>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RigInTreeFactAttribute : FactAttribute
{
    public RigInTreeFactAttribute() => Skip = Rig.InTreeSkipReason;
}

/// <summary>A rig test that compiles against the rig's own FreeBSD tree and sysroot, which a remote host's runner does not have.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RigTreeTheoryAttribute : TheoryAttribute
{
    public RigTreeTheoryAttribute() => Skip = Rig.TreeSkipReason;
}

/// <inheritdoc cref="RigTreeTheoryAttribute"/>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RigTreeFactAttribute : FactAttribute
{
    public RigTreeFactAttribute() => Skip = Rig.TreeSkipReason;
}
