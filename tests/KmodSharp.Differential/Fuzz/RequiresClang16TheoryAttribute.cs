using System;
using System.IO;
using System.Linq;
using Xunit;

namespace KmodSharp.Differential.Fuzz;

/// <summary>
/// A theory that is skipped, with the reason shown, when clang-16 and its libFuzzer runtime are not
/// installed (xunit 2 has no dynamic skip: the attribute decides at discovery time).
/// </summary>
public sealed class RequiresClang16TheoryAttribute : TheoryAttribute
{
    public const string InstallCommand = "apt-get update && apt-get install -y clang-16 lld-16 libclang-rt-16-dev";

    public RequiresClang16TheoryAttribute()
    {
        if (Clang16 is null)
        {
            Skip = $"clang-16 is not installed ({InstallCommand})";
        }
        else if (!HasLibFuzzer)
        {
            Skip = $"clang-16's libFuzzer runtime is missing ({InstallCommand})";
        }
    }

    /// <summary>The clang-16 executable on PATH, or null.</summary>
    public static string? Clang16 { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(d => Path.Combine(d, "clang-16"))
        .FirstOrDefault(File.Exists);

    private static bool HasLibFuzzer =>
        Directory.Exists("/usr/lib/llvm-16/lib/clang")
        && Directory.EnumerateFiles("/usr/lib/llvm-16/lib/clang", "libclang_rt.fuzzer-x86_64.a", SearchOption.AllDirectories).Any();
}
