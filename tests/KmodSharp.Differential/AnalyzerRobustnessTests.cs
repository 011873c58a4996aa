using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using KmodSharp.Analyzers;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Differential.Generator.Generation;
using KmodSharp.Differential.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace KmodSharp.Differential;

/// <summary>
/// The analyzers never throw (issue #17): every <see cref="DiagnosticAnalyzer"/> of the analyzer assembly
/// runs through <see cref="CompilationWithAnalyzers"/> over the generator's programs and over foreign C#
/// (this repository's own sources, as they are and with <c>[KernelHelper]</c> on every class so the rules
/// really run on code that is no module). No AD0001, no exception. The diagnostics on the generator's
/// programs (valid, safe modules) are printed per ID: each is a false-positive candidate.
/// </summary>
public sealed class AnalyzerRobustnessTests(ITestOutputHelper output)
{
    private const int GeneratorSeeds = 200;

    /// <summary>Every analyzer type the assembly declares, the catalog's or not.</summary>
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = [.. typeof(AnalyzerCatalog).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)];

    [Fact]
    public void Every_analyzer_is_in_the_catalog_and_all_are_run()
    {
        Assert.Equal(AnalyzerCatalog.All.Select(a => a.GetType().FullName).Order(), Analyzers.Select(a => a.GetType().FullName).Order());
    }

    [Fact]
    public void No_analyzer_throws_on_the_generators_programs()
    {
        var watch = Stopwatch.StartNew();
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var counts = new ConcurrentDictionary<string, int>();
        var examples = new ConcurrentDictionary<string, string>();
        var thrown = new ConcurrentBag<string>();
        Parallel.For(1, GeneratorSeeds + 1, new ParallelOptions { MaxDegreeOfParallelism = 2 }, seed =>
        {
            GeneratedProgram program = ProgramGenerator.Generate(seed);
            var input = new SourceInput([new SourceFile(Path.Combine(Path.GetTempPath(), program.FileName), program.Text)], Path.GetTempPath());
            foreach (Diagnostic diagnostic in Run(CompilationFactory.Create(input), "seed " + seed, thrown))
            {
                counts.AddOrUpdate(diagnostic.Id, 1, (_, n) => n + 1);
                examples.TryAdd(diagnostic.Id, $"seed {seed}: {diagnostic}");
            }
        });

        output.WriteLine($"{GeneratorSeeds} generator programs (all features), {Analyzers.Length} analyzers, {watch.Elapsed.TotalSeconds:F1} s ({CpuSince(cpu):F1} s CPU)");
        output.WriteLine(counts.IsEmpty ? "no diagnostics" : "diagnostics per ID (false-positive candidates):");
        foreach ((string id, int count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {id}: {count}   e.g. {examples[id]}");
        }

        Assert.True(thrown.IsEmpty, string.Join("\n\n", thrown));
    }

    [Theory]
    [InlineData("compiler", false)]
    [InlineData("compiler", true)]
    [InlineData("tests", false)]
    [InlineData("tests", true)]
    public void No_analyzer_throws_on_foreign_CSharp(string folder, bool everyClassAHelper)
    {
        var watch = Stopwatch.StartNew();
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var thrown = new ConcurrentBag<string>();
        var counts = new ConcurrentDictionary<string, int>();
        List<Compilation> compilations = [.. Projects(folder).Select(p => Foreign(p, everyClassAHelper))];
        Parallel.ForEach(compilations, new ParallelOptions { MaxDegreeOfParallelism = 2 }, compilation =>
        {
            foreach (Diagnostic diagnostic in Run(compilation, compilation.AssemblyName!, thrown))
            {
                counts.AddOrUpdate(diagnostic.Id, 1, (_, n) => n + 1);
            }
        });

        int files = compilations.Sum(c => c.SyntaxTrees.Count());
        output.WriteLine($"{folder}: {compilations.Count} compilations, {files} files, [KernelHelper] on every class: {everyClassAHelper}, {watch.Elapsed.TotalSeconds:F1} s ({CpuSince(cpu):F1} s CPU)");
        output.WriteLine(string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}")));
        Assert.True(thrown.IsEmpty, string.Join("\n\n", thrown));
        Assert.True(files > 100, $"only {files} files found under {folder}");
        if (everyClassAHelper)
        {
            Assert.Contains(counts.Keys, id => id.StartsWith("KMS", StringComparison.Ordinal));
        }
    }

    // The machine may be shared: CPU time says what the test costs, wall time what it took.
    private static double CpuSince(TimeSpan start) => (Process.GetCurrentProcess().TotalProcessorTime - start).TotalSeconds;

    /// <summary>The analyzers' diagnostics; an exception (reported through the callback, or as AD0001) goes to <paramref name="thrown"/>.</summary>
    private static ImmutableArray<Diagnostic> Run(Compilation compilation, string name, ConcurrentBag<string> thrown)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, analyzer, _) => thrown.Add($"{name}: {analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> diagnostics = compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        foreach (Diagnostic diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
        {
            thrown.Add($"{name}: {diagnostic}");
        }

        return diagnostics;
    }

    // Each project folder (a .csproj beside its sources) of compiler/ or tests/, its .cs files without obj/ and bin/.
    private static IEnumerable<(string Name, string[] Files)> Projects(string folder) =>
        Directory.GetFiles(Path.Combine(TestModules.RepositoryRoot, folder), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetDirectoryName)
            .Order(StringComparer.Ordinal)
            .Select(directory => (Path.GetFileName(directory!), Directory.GetFiles(directory!, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToArray()));

    // References a plain project would have: .NET 10, the KmodSharp runtime, Roslyn and xunit (what these sources use); anything else is an error type.
    private static readonly ImmutableArray<MetadataReference> ForeignReferences = [
        .. Basic.Reference.Assemblies.Net100.References.All,
        .. new[] { typeof(Kernel), typeof(Compilation), typeof(CSharpCompilation), typeof(FactAttribute), typeof(Assert) }
            .Select(t => t.Assembly.Location).Distinct().Select(l => MetadataReference.CreateFromFile(l)),
    ];

    private static Compilation Foreign((string Name, string[] Files) project, bool everyClassAHelper)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        IEnumerable<SyntaxTree> trees = project.Files.Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), parse, file));
        if (everyClassAHelper)
        {
            trees = trees.Select(tree => tree.WithRootAndOptions(new EveryClassAHelper().Visit(tree.GetRoot()), tree.Options));
        }

        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable);
        return CSharpCompilation.Create(project.Name + (everyClassAHelper ? ".Helpers" : ""), trees, ForeignReferences, options);
    }

    /// <summary>
    /// Puts <c>[KmodSharp.KernelHelper]</c> on every class, so the rules treat all of it as kernel code, and
    /// <c>[KmodSharp.Syscall]</c> on its static methods returning <c>int</c>, so the rules for entry points run too.
    /// </summary>
    private sealed class EveryClassAHelper : CSharpSyntaxRewriter
    {
        private static readonly AttributeListSyntax Helper = Attribute("KmodSharp.KernelHelper");
        private static readonly AttributeListSyntax Syscall = Attribute("KmodSharp.Syscall");

        public override SyntaxNode? VisitClassDeclaration(ClassDeclarationSyntax node) =>
            ((ClassDeclarationSyntax)base.VisitClassDeclaration(node)!).AddAttributeLists(Helper);

        public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node) =>
            node.Modifiers.Any(SyntaxKind.StaticKeyword) && node.ReturnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.IntKeyword }
                ? node.AddAttributeLists(Syscall)
                : node;

        private static AttributeListSyntax Attribute(string name) =>
            SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(SyntaxFactory.ParseName(name))));
    }
}
