using System.IO;
using System.Linq;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace KmodSharp.Compiler.Tests.Frontend;

/// <summary>
/// The rule set and the later stages read one binding of each body: the module binder gets the
/// compilation the analyzers ran on, and a body's operation tree is the one they were shown.
/// </summary>
public sealed class SharedBindingTests
{
    [Fact]
    public void The_lowering_reads_the_operation_trees_the_analyzers_bound()
    {
        SourceInput input = InputLoader.Load([Repository.Example("MySyscall")]);
        CheckedCompilation checkedCompilation = DiagnosticRunner.Run(CompilationFactory.Create(input));
        Assert.DoesNotContain(checkedCompilation.Diagnostics, d => d.IsError);

        BoundModule module = Assert.Single(ModuleBinder.Bind(checkedCompilation.Compilation));
        IMethodSymbol handler = module.Entry.Values.First();
        IOperation body = Assert.IsAssignableFrom<IOperation>(MethodBodies.Of(handler, checkedCompilation.Compilation));

        // Same tree object on a second request, and a model whose compilation is the analysed one:
        // nothing was bound again for the lowering.
        Assert.Same(body, MethodBodies.Of(handler, checkedCompilation.Compilation));
        Assert.Same(checkedCompilation.Compilation, body.SemanticModel!.Compilation);
        Assert.Same(checkedCompilation.Compilation, ((ISourceAssemblySymbol)handler.ContainingAssembly).Compilation);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_bound_body_of_the_analysed_compilation_comes_from_the_model_the_rules_used()
    {
        SourceInput input = InputLoader.Load([Repository.Example("MySyscall")]);
        var bodies = new BoundBodies();
        Compilation compilation = CompilationFactory.Create(input);
        _ = await compilation.WithAnalyzers([.. KmodSharp.Analyzers.AnalyzerCatalog.All, bodies]).GetAllDiagnosticsAsync();

        Assert.NotNull(bodies.Compilation);
        Assert.NotSame(compilation, bodies.Compilation);
        var (tree, model) = Assert.Single(bodies.Models, m => Path.GetFileName(m.Key.FilePath) == "MySyscall.cs");
        Assert.Same(bodies.Compilation, model.Compilation);
        Assert.Contains(tree, bodies.Compilation!.SyntaxTrees);
    }
}
