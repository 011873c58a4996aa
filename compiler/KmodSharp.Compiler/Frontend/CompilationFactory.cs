using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KmodSharp.Compiler.Frontend;

/// <summary>
/// Builds the Roslyn compilation of an input against .NET 10's reference assemblies and the
/// KmodSharp runtime, exactly as a user project that references KmodSharp.Runtime compiles.
/// </summary>
public static class CompilationFactory
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(KernelModuleAttribute).Assembly.Location),
    ];

    public static CSharpCompilation Create(SourceInput input, EditorConfigOptions? editorConfig = null, string assemblyName = "KmodSharpModule")
    {
        var trees = input.Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path, System.Text.Encoding.UTF8));
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            allowUnsafe: true);
        if (editorConfig is not null)
        {
            options = options.WithSyntaxTreeOptionsProvider(editorConfig.SeverityProvider());
        }

        return CSharpCompilation.Create(assemblyName, trees, References, options);
    }
}
