using System;
using Xunit;

namespace KmodSharp.Compiler.Tests.Userland.Syzkaller;

/// <summary>
/// A test that runs syzkaller's own syz-sysgen and syz-fmt (<c>KMODSHARP_SYZKALLER</c>). Without them
/// the test is skipped with the reason shown (xunit 2 has no dynamic skip, so the attribute decides
/// when it is constructed).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SyzkallerTheoryAttribute : TheoryAttribute
{
    public SyzkallerTheoryAttribute() => Skip = SyzkallerTool.SkipReason;
}

/// <inheritdoc cref="SyzkallerTheoryAttribute"/>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SyzkallerFactAttribute : FactAttribute
{
    public SyzkallerFactAttribute() => Skip = SyzkallerTool.SkipReason;
}
