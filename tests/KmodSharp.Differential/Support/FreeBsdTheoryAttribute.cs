using System;
using System.IO;
using Xunit;

namespace KmodSharp.Differential.Support;

/// <summary>
/// A theory that needs a real FreeBSD kernel source tree, named by <c>FREEBSD_SYSDIR</c> (e.g.
/// <c>/usr/src/sys</c>); skipped with the reason otherwise (xunit 2 decides when the attribute is built).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FreeBsdTheoryAttribute : TheoryAttribute
{
    public FreeBsdTheoryAttribute()
    {
        if (SysDir is not { } sysDir)
        {
            Skip = "set FREEBSD_SYSDIR to a FreeBSD kernel source tree (e.g. /usr/src/sys) to compile against its headers";
        }
        else if (!Directory.Exists(sysDir))
        {
            Skip = $"FREEBSD_SYSDIR='{sysDir}' does not exist";
        }
    }

    /// <summary>The tree, or null when the variable is unset or empty.</summary>
    public static string? SysDir => Environment.GetEnvironmentVariable("FREEBSD_SYSDIR") is { Length: > 0 } value ? value : null;
}
