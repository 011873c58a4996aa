using System;
using System.IO;
using System.Linq;
using Xunit;

namespace KmodSharp.Compiler.Tests.Support;

/// <summary>
/// A theory that is skipped, with the reason and the install command shown, when a tool it runs is
/// not on PATH (xunit 2 has no dynamic skip: the attribute decides at discovery time).
/// <c>bash .ci/run</c> installs every such tool, so there nothing is skipped.
/// </summary>
public sealed class RequiresToolTheoryAttribute : TheoryAttribute
{
    public RequiresToolTheoryAttribute(string tool, string debianPackage)
    {
        if (Find(tool) is null)
        {
            Skip = $"{tool} is not installed (apt-get install {debianPackage})";
        }
    }

    /// <summary>The tool's path on PATH, or null.</summary>
    public static string? Find(string tool) => (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(d => Path.Combine(d, tool))
        .FirstOrDefault(File.Exists);
}
