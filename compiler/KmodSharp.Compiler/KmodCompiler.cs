using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Analyzers;
using KmodSharp.Compiler.Diagnostics;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Emit.Userland;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Compiler.Tools.InTree;

namespace KmodSharp.Compiler;

/// <summary>What a compile produced: diagnostics, the generated files when there was no error, and the settings it used.</summary>
public sealed record CompileResult(ImmutableArray<KmsDiagnostic> Diagnostics, ImmutableArray<ModuleArtifacts> Modules, KmodSharpSettings? Settings = null)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// The pipeline, one way: sources → Roslyn compilation → the rule set (C# errors and the KmodSharp
/// analyzers) → module models → lowering to the C tree → printed files. Nothing is generated when
/// any stage reports an error.
/// </summary>
public static class KmodCompiler
{
    /// <summary>
    /// Translates <paramref name="input"/>; an in-tree build reads its syscall numbers from <paramref name="freebsdSysdir"/> when given.
    /// The project's settings (<see cref="KmodSharpSettings"/>) apply on top of <paramref name="options"/>: <c>#line</c> directives
    /// are written when both ask for them.
    /// </summary>
    public static CompileResult Compile(SourceInput input, LoweringOptions options, string? freebsdSysdir = null) =>
        Compile(input, settings => options with { LineDirectives = options.LineDirectives && settings.LineDirectives }, freebsdSysdir);

    /// <summary>Translates <paramref name="input"/> with the options <paramref name="options"/> makes of the project's settings.</summary>
    public static CompileResult Compile(SourceInput input, System.Func<KmodSharpSettings, LoweringOptions> options, string? freebsdSysdir = null)
    {
        EditorConfigOptions editorConfig = (input.AnalyzerConfigFiles.IsDefaultOrEmpty
            ? EditorConfigOptions.For(input.ProjectDirectory)
            : EditorConfigOptions.FromFiles(input.AnalyzerConfigFiles)).WithBuildProperties(input.ProjectProperties, input.ProjectDirectory);
        KmodSharpSettings settings = editorConfig.Settings;
        return Compile(input, editorConfig, options(settings), freebsdSysdir) with { Settings = settings };
    }

    private static CompileResult Compile(SourceInput input, EditorConfigOptions editorConfig, LoweringOptions options, string? freebsdSysdir)
    {
        CheckedCompilation checkedCompilation = DiagnosticRunner.Run(CompilationFactory.Create(input, editorConfig), editorConfig);
        var diagnostics = new List<KmsDiagnostic>(checkedCompilation.Diagnostics);
        if (options.InTree)
        {
            diagnostics.RemoveAll(InTreePlanner.IsLoadableModuleWarning);
        }

        // The rules decide what translates; only what they accept is bound (kmodsharp check reports what the IDE does).
        if (diagnostics.Any(d => d.IsError))
        {
            return new CompileResult([.. diagnostics], []);
        }

        ImmutableArray<BoundModule> modules = ModuleBinder.Bind(checkedCompilation.Compilation);
        SyscallTable? table = options.InTree && freebsdSysdir is not null ? SyscallTable.Read(freebsdSysdir) : null;
        if (options.InTree)
        {
            modules = InTreePlanner.Assign(modules, table, diagnostics);
        }

        modules = [.. EachModule(modules, ModuleDocumentation.Enrich)];
        if (modules.IsEmpty && !diagnostics.Any(d => d.IsError))
        {
            throw new InputException($"no [KernelModule] class in '{input.ProjectDirectory}'");
        }

        if (diagnostics.Any(d => d.IsError))
        {
            return new CompileResult([.. diagnostics], []);
        }

        var lowered = EachModule(modules, m => ModuleLowering.Lower(m, options));
        return new CompileResult([.. diagnostics], [.. EachModule(lowered, l => options.InTree ? InTreeArtifacts(l, options, table) : Artifacts(l, options))]);
    }

    // Past the frontend, modules share nothing but the bound operation trees, which Roslyn lets
    // any thread read: each module is documented, lowered and printed on a core of its own, and
    // the results keep the modules' order.
    // PLINQ wraps what a stage throws; an internal error must reach the CLI as itself, with its location.
    private static List<TResult> EachModule<TModule, TResult>(IEnumerable<TModule> modules, System.Func<TModule, TResult> stage)
    {
        try
        {
            return modules.AsParallel().AsOrdered().Select(stage).ToList();
        }
        catch (System.AggregateException e) when (e.InnerExceptions.OfType<InternalCompilerException>().FirstOrDefault() is { } bug)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(bug);
            throw;
        }
    }

    private static ModuleArtifacts InTreeArtifacts(LoweredModule module, LoweringOptions options, SyscallTable? table) => new(module.Model,
    [
        new Artifact(module.Source.FileName, CPrinter.Print(module.Source, options.LineDirectives)),
        .. InTreeFiles.For(module.Model, table),
        .. UserlandArtifacts.ForInTree(module.Model),
    ]);

    private static ModuleArtifacts Artifacts(LoweredModule module, LoweringOptions options) => new(module.Model,
    [
        new Artifact(module.Source.FileName, CPrinter.Print(module.Source, options.LineDirectives)),
        KmodMakefile.For(module.Model),
        .. UserlandArtifacts.For(module.Model),
    ]);
}
