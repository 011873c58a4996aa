using System;
using System.IO;
using Xunit;

namespace KmodSharp.Compiler.Tests.Verification;

/// <summary>
/// A test that needs a real FreeBSD kernel source tree, named by <c>FREEBSD_SYSDIR</c> (e.g.
/// <c>/usr/src/sys</c>). Without it the test is skipped with a reason the runner shows: xunit 2
/// has no dynamic skip, so the attribute decides when it is constructed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FreeBsdFactAttribute : FactAttribute
{
    public FreeBsdFactAttribute()
    {
        string? sysDir = SysDir;
        if (sysDir is null)
        {
            Skip = "set FREEBSD_SYSDIR to a FreeBSD kernel source tree (e.g. /usr/src/sys) to run the real-header checks";
        }
        else if (!Directory.Exists(sysDir))
        {
            Skip = $"FREEBSD_SYSDIR='{sysDir}' does not exist";
        }
    }

    /// <summary>The tree, or null when the variable is unset or empty.</summary>
    public static string? SysDir => Environment.GetEnvironmentVariable("FREEBSD_SYSDIR") is { Length: > 0 } value ? value : null;
}
