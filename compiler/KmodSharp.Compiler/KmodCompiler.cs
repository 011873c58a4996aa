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
    public static CompileResult Compile(SourceInput input, System.Func<KmodSharpSettings, LoweringOptions> options, string? freebsdSysdir = null) =>
        Run(input, options, freebsdSysdir, translate: true);

    /// <summary>
    /// The diagnostics of <paramref name="input"/> alone (<c>kmodsharp check</c>): the rules and the
    /// module scan, as a translation reports them, without lowering and printing what would be thrown away.
    /// </summary>
    public static CompileResult Check(SourceInput input) => Run(input, settings => new LoweringOptions(settings.LineDirectives), null, translate: false);

    private static CompileResult Run(SourceInput input, System.Func<KmodSharpSettings, LoweringOptions> options, string? freebsdSysdir, bool translate)
    {
        EditorConfigOptions editorConfig = (input.AnalyzerConfigFiles.IsDefaultOrEmpty
            ? EditorConfigOptions.For(input.ProjectDirectory)
            : EditorConfigOptions.FromFiles(input.AnalyzerConfigFiles)).WithBuildProperties(input.ProjectProperties, input.ProjectDirectory);
        KmodSharpSettings settings = editorConfig.Settings;
        return Compile(input, editorConfig, options(settings), freebsdSysdir, translate) with { Settings = settings };
    }

    private static CompileResult Compile(SourceInput input, EditorConfigOptions editorConfig, LoweringOptions options, string? freebsdSysdir, bool translate)
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

        if (modules.IsEmpty && !diagnostics.Any(d => d.IsError))
        {
            throw new InputException($"no [KernelModule] class in '{input.ProjectDirectory}'");
        }

        if (!translate || diagnostics.Any(d => d.IsError))
        {
            return new CompileResult([.. diagnostics], []);
        }

        modules = [.. EachModule(modules, ModuleDocumentation.Enrich)];

        // Each module is printed as soon as it is lowered: only its text outlives it, not its C tree.
        return new CompileResult([.. diagnostics], [.. EachModule(modules, m =>
        {
            LoweredModule lowered = ModuleLowering.Lower(m, options);
            return options.InTree ? InTreeArtifacts(lowered, options, table) : Artifacts(lowered, options);
        })]);
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
