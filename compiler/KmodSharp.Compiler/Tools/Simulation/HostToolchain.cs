using System;
using System.Collections.Immutable;
using System.IO;

namespace KmodSharp.Compiler.Tools.Simulation;

/// <summary>
/// The C compiler and flags of the host kernel harness. Module code is compiled as the kmod build
/// compiles it (freestanding, -fwrapv, no host headers: only the harness's FreeBSD headers; kern.mk's
/// C standard, warnings and <c>-Werror</c> demotions for this compiler, <see cref="KernMkFlags"/>),
/// and with ASan+UBSan so a memory or UB bug fails the run.
/// </summary>
public sealed record HostToolchain(string Compiler, string HarnessDirectory)
{
    /// <summary>Sanitizers for both worlds. -fwrapv defines signed wraparound, so its sanitizer is off (clang keeps it on otherwise).</summary>
    public static readonly ImmutableArray<string> SanitizerFlags =
        ["-fsanitize=address,undefined", "-fno-sanitize=signed-integer-overflow", "-fno-sanitize-recover=all"];

    /// <summary>The compiler named by <c>CC</c>, else <c>cc</c>; the harness shipped beside the compiler.</summary>
    public static HostToolchain Default() => new(
        Environment.GetEnvironmentVariable("CC") is { Length: > 0 } cc ? cc : "cc",
        HostHarnessLocation.Find());

    public string IncludeDirectory => Path.Combine(HarnessDirectory, "include");

    /// <summary>How module code is built besides kern.mk's standard and warnings: as a kernel module, freestanding, position-independent for the harness.</summary>
    public static readonly ImmutableArray<string> ModuleCodeFlags =
        ["-D_KERNEL", "-DKLD_MODULE", "-ffreestanding", "-fwrapv", "-fno-common", "-fno-strict-aliasing", "-fPIC", "-g", "-O1"];

    /// <summary>Flags for module code (kernel world).</summary>
    public ImmutableArray<string> ModuleFlags =>
        [KernMkFlags.LanguageStandard, "-nostdinc", "-isystem", IncludeDirectory, .. ModuleCodeFlags, .. KernMkFlags.For(IsClang), .. SanitizerFlags];

    /// <summary>Whether the compiler is clang (kern.mk's COMPILER_TYPE), from its version banner; else gcc.</summary>
    public bool IsClang => ClangCompilers.GetOrAdd(Compiler, static cc =>
        ProcessRunner.Run(cc, ["--version"]) is { ExitCode: 0 } outcome && outcome.Stdout.Contains("clang", StringComparison.Ordinal));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> ClangCompilers = new();

    /// <summary>Flags for the emulated kernel and the driver (host world).</summary>
    public ImmutableArray<string> HarnessFlags => ["-std=gnu17", "-g", "-O1", "-Wall", "-Wextra", "-Werror", .. SanitizerFlags];
}
