using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmodSharp.Analyzers;

/// <summary>The one rule set: the IDE loads these analyzers, and the CLI runs the same instances before translating.</summary>
public static class AnalyzerCatalog
{
    /// <summary>Every KmodSharp analyzer.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> All { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(
        new Rules.GcAllocationAnalyzer(),
        new Rules.ExceptionAnalyzer(),
        new Rules.ManagedTypeAnalyzer(),
        new Rules.UntranslatableCallAnalyzer(),
        new Rules.CallGraphAnalyzer(),
        new Rules.UserMemoryAnalyzer(),
        new Rules.DoubleFetchAnalyzer(),
        new Rules.UserValueRangeAnalyzer(),
        new Rules.LostErrorAnalyzer(),
        new Rules.KernelContextAnalyzer(),
        new Rules.PrintfAnalyzer(),
        new Rules.ModuleDeclarationAnalyzer(),
        new Rules.UnsupportedConstructAnalyzer(),
        new Rules.UntranslatableStatementAnalyzer(),
        new Rules.UntranslatableExpressionAnalyzer());
}
