using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Packaging.Tests.RealPkg;

/// <summary>
/// Real FreeBSD 13.2 kernel modules from the rig <c>FREEBSD_RIG</c> names (docs/testing.md): its
/// <c>run-ko.sh</c> builds a module folder with FreeBSD's own <c>bsd.kmod.mk</c> and loads the
/// <c>.ko</c> in the real kernel; <c>RIG_KEEP=1</c> keeps its work folder, where the <c>.ko</c> is.
/// </summary>
internal static class RigModules
{
    private const string KeptMarker = "rig: work directory kept: ";

    public static string? Rig => Environment.GetEnvironmentVariable("FREEBSD_RIG") is { Length: > 0 } value ? value : null;

    public static string? SkipReason => Rig switch
    {
        null => "set FREEBSD_RIG to the FreeBSD 13.2 rig (e.g. /tmp/fbsd-rig) as well to package .ko files built by bsd.kmod.mk",
        { } rig when !File.Exists(Path.Combine(rig, "run-ko.sh")) => $"FREEBSD_RIG='{rig}' has no run-ko.sh",
        _ => null,
    };

    /// <summary>Builds and loads MODULEDIR's module on the rig; copies the <c>.ko</c> to DESTINATION and returns its path.</summary>
    public static string Build(string moduleDirectory, string destination)
    {
        string module = Path.GetFileName(moduleDirectory);
        ProcessOutcome outcome = ProcessRunner.Run(Path.Combine(Rig!, "run-ko.sh"), [moduleDirectory],
            new Dictionary<string, string> { ["RIG_KEEP"] = "1", ["RIG_QUIET"] = "1" }, TimeSpan.FromMinutes(10));
        string? work = (outcome.Stdout + outcome.Stderr).Split('\n')
            .Where(line => line.StartsWith(KeptMarker, StringComparison.Ordinal))
            .Select(line => line[KeptMarker.Length..].Trim())
            .LastOrDefault();
        try
        {
            Assert.True(outcome.ExitCode == 0, $"the rig did not build and load {module}:\n{outcome.Stdout}{outcome.Stderr}");
            Assert.NotNull(work);
            string ko = Path.Combine(destination, module + ".ko");
            File.Copy(Path.Combine(work, "mod", module + ".ko"), ko);
            return ko;
        }
        finally
        {
            if (work is not null && Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }
}
