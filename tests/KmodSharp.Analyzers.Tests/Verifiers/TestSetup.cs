using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace KmodSharp.Analyzers.Tests.Verifiers;

/// <summary>
/// What every analyzer and code-fix test compiles against: the served .NET 10 reference assemblies
/// (nothing is downloaded) and the KmodSharp runtime, with unsafe code allowed and the latest C#.
/// </summary>
internal static class TestSetup
{
    /// <summary>An empty reference set: no reference-assembly package is resolved or downloaded.</summary>
    public static ReferenceAssemblies NoDownload { get; } = new ReferenceAssemblies("net10.0");

    public static ImmutableArray<MetadataReference> References { get; } = ImmutableArray.CreateRange<MetadataReference>(Net100.References.All)
        .Add(MetadataReference.CreateFromFile(typeof(KmodSharp.Kernel).Assembly.Location));

    public static void Configure(SolutionState state, ICollection<Func<Solution, ProjectId, Solution>> transforms)
    {
        state.AdditionalReferences.AddRange(References);
        transforms.Add((solution, projectId) =>
        {
            Project project = solution.GetProject(projectId)!;
            var parse = ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest);
            var compilation = ((CSharpCompilationOptions)project.CompilationOptions!).WithAllowUnsafe(true).WithNullableContextOptions(NullableContextOptions.Enable);
            return solution.WithProjectParseOptions(projectId, parse).WithProjectCompilationOptions(projectId, compilation);
        });
    }
}
