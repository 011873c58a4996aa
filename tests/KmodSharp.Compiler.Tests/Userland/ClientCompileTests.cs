using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace KmodSharp.Compiler.Tests.Userland;

/// <summary>
/// <c>&lt;Module&gt;Client.cs</c> compiles with Roslyn against .NET 10 and KmodSharp.Runtime, with
/// the SDK's LibraryImport source generator producing the P/Invoke stubs, without one error or
/// warning (the generator's own diagnostics, e.g. a non-blittable parameter, included).
/// </summary>
public sealed class ClientCompileTests
{
    public static TheoryData<string, string> Examples => new()
    {
        { "MySyscall", "public static Errno Double(int @value, out int result)" },
        { "CustomSyscall", "public static Errno Custom(int @value, ReadOnlySpan<byte> @message, out int result)" },
        { "UserMemory", "public static Errno Multiply(ref Request @request, ref Reply @reply)" },
        { "TwoValues", "public static Errno Pair(long @base, out long first, out long second)" },
        { "ErrorHandling", "public static Errno Privileged()" },
        { "Capsicum", "public static Errno Square(int @value, out long result)" },
        { "Counter", "public static Errno Add(int @value, out long result)" },
        { "FrameReader", "public static Errno Checksum(ref FrameHeader @frame, out int result)" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Compiles_warning_free_with_the_LibraryImport_generator(string example, string signature)
    {
        ModuleArtifacts module = TestCompiler.Example(example);
        string source = module[module.Model.ClassName + "Client.cs"].Text;
        Assert.Contains(signature, source);

        var compilation = CSharpCompilation.Create(
            "Client",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), "Client.cs")],
            [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(KernelModuleAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(LibraryImportGenerator());
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);

        Assert.NotEmpty(driver.GetRunResult().GeneratedTrees);
        ImmutableArray<Diagnostic> diagnostics = [.. generatorDiagnostics, .. output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)];
        Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics));
        using var image = new MemoryStream();
        Assert.True(output.Emit(image).Success);
    }

    // The generator ships with the targeting pack: packs/Microsoft.NETCore.App.Ref/<version>/analyzers/dotnet/cs.
    internal static ISourceGenerator LibraryImportGenerator()
    {
        string dotnetRoot = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        string packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        string version = Environment.Version.ToString(3);
        string directory = Directory.Exists(Path.Combine(packs, version))
            ? Path.Combine(packs, version)
            : Directory.EnumerateDirectories(packs).Order(StringComparer.Ordinal).Last();
        string analyzers = Path.Combine(directory, "analyzers", "dotnet", "cs");
        Assembly.LoadFrom(Path.Combine(analyzers, "Microsoft.Interop.SourceGeneration.dll"));
        Assembly generator = Assembly.LoadFrom(Path.Combine(analyzers, "Microsoft.Interop.LibraryImportGenerator.dll"));
        // By name: GetTypes() would also load the code fixers, which need Roslyn's Workspaces.
        Type type = generator.GetType("Microsoft.Interop.LibraryImportGenerator", throwOnError: true)!;
        return ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    }
}
