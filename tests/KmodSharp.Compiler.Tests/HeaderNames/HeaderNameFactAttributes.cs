using System;
using System.IO;
using System.Runtime.InteropServices;
using KmodSharp.Compiler.Tests.Verification;
using KmodSharp.Headers;
using Xunit;

namespace KmodSharp.Compiler.Tests.HeaderNames;

/// <summary>Runs when <c>FREEBSD_SYSDIR</c> names a tree and libclang loads: the lists are checked against those headers.</summary>
public sealed class HeaderNamesFactAttribute : FactAttribute
{
    public HeaderNamesFactAttribute()
    {
        if (new FreeBsdFactAttribute().Skip is { } skip)
        {
            Skip = skip;
        }
        else if (!NativeLibrary.TryLoad("libclang", typeof(HeaderReader).Assembly, null, out _))
        {
            Skip = "libclang does not load (set KMODSHARP_LIBCLANG or restore libclang.runtime.linux-x64) to check the name lists";
        }
    }
}

/// <summary>
/// Runs only from <c>tools/regenerate-header-names.sh</c>, which sets <c>KMODSHARP_REGENERATE_NAMES</c>
/// to <c>SYS13:SYS15:SYSROOT</c>: rewriting checked-in files is never a side effect of a test run.
/// </summary>
public sealed class RegenerateFactAttribute : FactAttribute
{
    public RegenerateFactAttribute()
    {
        if (Parts is null)
        {
            Skip = "run tools/regenerate-header-names.sh to rewrite the name lists";
        }
        else if (Array.Find(Parts, p => !Directory.Exists(p)) is { } missing)
        {
            Skip = $"KMODSHARP_REGENERATE_NAMES: '{missing}' does not exist";
        }
    }

    /// <summary>The 13.2 tree's sys, the 15 tree's sys and the FreeBSD system root; null when unset.</summary>
    public static string[]? Parts =>
        Environment.GetEnvironmentVariable("KMODSHARP_REGENERATE_NAMES") is { Length: > 0 } value && value.Split(':') is { Length: 3 } parts ? parts : null;
}
