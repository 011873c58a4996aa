using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmodSharp.Compiler.Pipeline.Frontend;

/// <summary>
/// Keeps the semantic models the analyzer pass bound every body with. The analyzer driver drops
/// its cached model of a tree once the tree is analysed; holding on to it lets the errno analysis
/// and the lowering read the very operation trees the rules checked instead of binding each body
/// a second time (that second binding was a third of a translation).
/// Not part of <see cref="Analyzers.AnalyzerCatalog"/>: it reports nothing, and the IDE needs none of it.
/// </summary>
#pragma warning disable RS1001 // Run in-process by DiagnosticRunner, never loaded by a compiler: no [DiagnosticAnalyzer] to discover.
internal sealed class BoundBodies : DiagnosticAnalyzer
#pragma warning restore RS1001
{
    // The driver skips an analyzer all of whose diagnostics are disabled; a descriptor that cannot
    // be configured away keeps this one running. It is never reported.
#pragma warning disable RS2008 // Release tracking is for shipped rules; this one never reports.
    private static readonly DiagnosticDescriptor Never = new(
        "KMSBIND", "Bound bodies", "never reported", "KmodSharp.Internal", DiagnosticSeverity.Hidden, isEnabledByDefault: true,
        customTags: [WellKnownDiagnosticTags.NotConfigurable]);
#pragma warning restore RS2008

    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> models = new();
    private Compilation? analysed;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Never];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
        context.EnableConcurrentExecution();
        context.RegisterOperationBlockAction(c =>
        {
            if (c.OperationBlocks is [{ SemanticModel: { } model }, ..])
            {
                models.TryAdd(model.SyntaxTree, model);
            }

            analysed ??= c.Compilation;
        });
    }

    /// <summary>
    /// The compilation the rules ran on: the driver makes one of its own (with an event queue), and
    /// the bound bodies refer to its symbols. Null when no body was analysed.
    /// </summary>
    public Compilation? Compilation => analysed;

    /// <summary>Each tree the rules bound a body in, with the model they bound it with.</summary>
    public IEnumerable<KeyValuePair<SyntaxTree, SemanticModel>> Models => models;
}
