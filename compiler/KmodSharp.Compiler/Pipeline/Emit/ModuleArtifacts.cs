using System.Collections.Immutable;
using System.Linq;

namespace KmodSharp.Compiler.Pipeline.Emit;

/// <summary>One generated file: its name inside the module folder and its text.</summary>
public sealed record Artifact(string FileName, string Text);

/// <summary>Everything generated for one module, written to <c>&lt;out&gt;/&lt;module&gt;/</c>.</summary>
public sealed record ModuleArtifacts(Model.ModuleModel Model, ImmutableArray<Artifact> Files)
{
    public string ModuleName => Model.Name;

    public Artifact this[string fileName] => Files.Single(f => f.FileName == fileName);
}
