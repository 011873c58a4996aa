using System;
using System.IO;

namespace KmodSharp.Compiler.Tools.Simulation;

/// <summary>
/// Finds <c>runtime-shims/host</c>: shipped as <c>host/</c> beside the compiler assembly, or named by
/// <c>KMODSHARP_HOST_DIR</c> (for working on the harness itself).
/// </summary>
public static class HostHarnessLocation
{
    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("KMODSHARP_HOST_DIR") is { Length: > 0 } overridden)
        {
            return Path.GetFullPath(overridden);
        }

        string shipped = Path.Combine(AppContext.BaseDirectory, "host");
        if (Directory.Exists(Path.Combine(shipped, "include")))
        {
            return shipped;
        }

        throw new InvalidOperationException($"the host kernel harness is missing: expected {shipped}");
    }
}
