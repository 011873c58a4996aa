using System;
using System.Collections.Generic;
using System.IO;
using KmodSharp.Compiler.Tools.Simulation;

namespace KmodSharp.Compiler.Tests.RealKernel;

/// <summary>What one boot of the rig printed: the console from init on, and whether every run ended as expected.</summary>
public sealed record RigOutcome(bool Passed, string Console);

/// <summary>
/// The FreeBSD 13.2 rig (docs/testing.md): <c>run-user.sh DIR</c> builds DIR's module with FreeBSD's own
/// <c>bsd.kmod.mk</c>, compiles DIR's program against 13.2's headers and static libc, boots the kernel
/// under QEMU, loads the module and runs the program on it.
/// </summary>
public static class Rig
{
    public static string? Directory => Environment.GetEnvironmentVariable("FREEBSD_RIG") is { Length: > 0 } value ? value : null;

    /// <summary>Why rig tests cannot run here, or null when they can.</summary>
    public static string? SkipReason => Directory switch
    {
        null => "set FREEBSD_RIG to a FreeBSD 13.2 rig (the folder its build.sh made, e.g. /tmp/fbsd-rig) to run the real-kernel tests",
        { } rig when !File.Exists(Path.Combine(rig, "run-user.sh")) => $"FREEBSD_RIG='{rig}' has no run-user.sh",
        _ => null,
    };

    /// <summary>Why tests that need the rig's FreeBSD tree and sysroot cannot run (a remote host's runner has neither), or null.</summary>
    public static string? TreeSkipReason => SkipReason ?? (System.IO.Directory.Exists(Path.Combine(Directory!, "src", "sys")) && System.IO.Directory.Exists(Path.Combine(Directory!, "sysroot"))
        ? null
        : $"FREEBSD_RIG='{Directory}' has no FreeBSD tree (src/sys) and sysroot, as a rig's build.sh makes");

    /// <summary>The rig's build-intree.sh (FREEBSD_RIG_INTREE), which compiles <c>--in-tree</c> output into a kernel.</summary>
    public static string? InTreeBuilder => Environment.GetEnvironmentVariable("FREEBSD_RIG_INTREE") is { Length: > 0 } value ? value : null;

    /// <summary>Why in-tree rig tests cannot run here, or null when they can.</summary>
    public static string? InTreeSkipReason => SkipReason ?? InTreeBuilder switch
    {
        null => "set FREEBSD_RIG_INTREE to the rig's build-intree.sh as well to compile syscalls into a kernel",
        { } script when !File.Exists(script) => $"FREEBSD_RIG_INTREE='{script}' does not exist",
        _ => null,
    };

    /// <summary>Boots the kernel with DIR's module and program; the rig copies DIR, never writing it.</summary>
    public static RigOutcome RunUser(string directory, IDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["RIG_QUIET"] = "1" };
        ProcessOutcome outcome = ProcessRunner.Run(Path.Combine(Directory!, "run-user.sh"), [directory], variables, TimeSpan.FromMinutes(10));
        return new RigOutcome(outcome.ExitCode == 0, outcome.Stdout + outcome.Stderr);
    }

    /// <summary>Compiles the in-tree module folders into a kernel (incrementally, in the builder's own scratch tree); its path, or the failure.</summary>
    public static (string? Kernel, string Log) BuildInTree(IEnumerable<string> moduleDirectories)
    {
        ProcessOutcome outcome = ProcessRunner.Run(InTreeBuilder!, moduleDirectories, new Dictionary<string, string> { ["FBSD_RIG"] = Directory! }, TimeSpan.FromMinutes(40));
        const string Marker = "RIG_KERNEL=";
        string log = outcome.Stdout + outcome.Stderr;
        int at = log.LastIndexOf(Marker, StringComparison.Ordinal);
        return outcome.ExitCode == 0 && at >= 0 ? (log[(at + Marker.Length)..].Split(' ', 2)[0], log) : (null, log);
    }
}
