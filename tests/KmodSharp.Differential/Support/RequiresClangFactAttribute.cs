using System;
using System.IO;
using System.Linq;
using Xunit;

namespace KmodSharp.Differential.Support;

/// <summary>A fact that needs a clang (FreeBSD's compiler; the harness may use gcc), skipped with the reason shown when none is on PATH.</summary>
public sealed class RequiresClangFactAttribute : FactAttribute
{
    public RequiresClangFactAttribute()
    {
        if (Clang is null)
        {
            Skip = "no clang on PATH (clang-14 or clang): apt-get install clang-14";
        }
    }

    /// <summary>The first of clang-14 and clang on PATH, or null.</summary>
    public static string? Clang { get; } = new[] { "clang-14", "clang" }
        .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, name)))
        .FirstOrDefault(File.Exists);
}
