using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KmodSharp.Compiler.Pipeline.Frontend;

/// <summary>
/// Builds the Roslyn compilation of an input against .NET 10's reference assemblies and the
/// KmodSharp runtime, exactly as a user project that references KmodSharp.Runtime compiles.
/// </summary>
public static class CompilationFactory
{
    // Nullable flow analysis is skipped (Roslyn's "run-nullable-analysis" feature): it only warns
    // about reference types, which the kernel subset rejects outright, and it cost a third of the
    // binding. Annotations are still read, and the IDE's own build still reports CS86xx.
    private static readonly CSharpParseOptions IdeParseOptions = new(LanguageVersion.Latest);
    private static readonly CSharpParseOptions ParseOptions = IdeParseOptions.WithFeatures([new("run-nullable-analysis", "never")]);

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(KernelModuleAttribute).Assembly.Location),
    ];

    /// <summary>The compilation a translation checks; <paramref name="nullableAnalysis"/> asks for the IDE's, which also runs nullable flow analysis.</summary>
    public static CSharpCompilation Create(SourceInput input, EditorConfigOptions? editorConfig = null, string assemblyName = "KmodSharpModule", bool nullableAnalysis = false)
    {
        CSharpParseOptions parseOptions = nullableAnalysis ? IdeParseOptions : ParseOptions;
        // Files parse independently, so on every core, as csc parses them; the order stays the input's.
        // One file alone is parsed on this thread: PLINQ would first JIT-compile some 50 of its methods.
        SyntaxTree Parse(SourceFile file) => CSharpSyntaxTree.ParseText(file.Text, parseOptions, file.Path, System.Text.Encoding.UTF8);
        SyntaxTree[] trees = input.Files.Length == 1 ? [Parse(input.Files[0])] : [.. input.Files.AsParallel().AsOrdered().Select(Parse)];
        var options = new CSharpCompilationOptions(
            OutputKindOf(trees),
            nullableContextOptions: NullableContextOptions.Enable,
            allowUnsafe: true);
        if (editorConfig is not null)
        {
            options = options.WithSyntaxTreeOptionsProvider(editorConfig.SeverityProvider());
        }

        return CSharpCompilation.Create(assemblyName, trees, input.References.IsDefaultOrEmpty ? References : ReferencesOf(input.References), options);
    }

    // Top-level statements compile only into an executable (CS8805 in a library): csc built the
    // project, so its OutputType was Exe. Anything else translates as the library it is to the kernel.
    private static OutputKind OutputKindOf(SyntaxTree[] trees)
    {
        foreach (SyntaxTree tree in trees)
        {
            foreach (MemberDeclarationSyntax member in ((CompilationUnitSyntax)tree.GetRoot()).Members)
            {
                if (member is GlobalStatementSyntax)
                {
                    return OutputKind.ConsoleApplication;
                }
            }
        }

        return OutputKind.DynamicallyLinkedLibrary;
    }

    // A build hands over the project's own references (its ReferencePath items).
    private static ImmutableArray<MetadataReference> ReferencesOf(ImmutableArray<string> paths)
    {
        var references = ImmutableArray.CreateBuilder<MetadataReference>(paths.Length);
        foreach (string path in paths)
        {
            if (!System.IO.File.Exists(path))
            {
                throw new InputException($"reference not found: '{path}'");
            }

            references.Add(MetadataReference.CreateFromFile(path));
        }

        return references.MoveToImmutable();
    }
}
