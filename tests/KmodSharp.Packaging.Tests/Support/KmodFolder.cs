using System.Collections.Immutable;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Model;
using KmodSharp.Compiler.Tools.Simulation;

namespace KmodSharp.Packaging.Tests.Support;

/// <summary>Runs a module folder written by a build (its <c>&lt;module&gt;.c</c> as on disk) in the host kernel harness.</summary>
internal static class KmodFolder
{
    public static SimulationReport Run(string moduleDirectory, params SimCall[] calls)
    {
        string name = Path.GetFileName(moduleDirectory);
        ImmutableArray<Artifact> files = [.. Directory.EnumerateFiles(moduleDirectory).Select(f => new Artifact(Path.GetFileName(f), File.ReadAllText(f)))];

        // The harness needs only the name and the C file; the model is not read.
        var model = new ModuleModel(name, 1, name, new SourceRef(moduleDirectory, 1, 1), [], ModuleHooks.None);
        return HostSimulator.Run([new ModuleArtifacts(model, files)], [.. calls]);
    }
}
